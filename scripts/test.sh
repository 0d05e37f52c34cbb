#!/usr/bin/env bash
# Installs what is missing, builds every target and runs every test:
#   1. native release (GCC): the CLI tests and the schema check
#   2. native debug (clang-14, -O1) with AddressSanitizer + UndefinedBehaviorSanitizer: the core
#      unit tests, the CLI tests and the headless GUI test
#   2b. libFuzzer over the plan loader + every analysis and the table readers, briefly, from
#       the same sanitized build (one sanitized compile of the tree, not two)
#   3. WebAssembly: the core unit tests under node, and the app
#   4. the real page in headless Chromium (served URL and file://)
# Exits non-zero at the first failing stage.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs
stage() { printf '\n=== %s ===\n' "$*"; }

stage "core/ stays pure (no ImGui, SDL or Emscripten)"
if grep -rnE '#\s*include\s*[<"](imgui|SDL|emscripten|GLES)' core/; then
  echo "core/ must not include UI or platform headers"; exit 1
fi
echo "ok"

stage "the code follows .clang-format (clang-format 14)"
git ls-files '*.cpp' '*.h' | grep -E '^(core|gui|cli|web|tests)/' | xargs clang-format-14 --dry-run --Werror
echo "ok"

# The release build (GCC) is the CLI people run: its figures are checked here. The unit tests
# and the headless GUI tests run in the sanitized build below (clang) and the core tests again
# as WebAssembly: compiling them a third time would cost CI minutes (docs/architecture.md).
stage "native (release, GCC): the mfplan CLI's figures and the schema check"
cmake --preset native >/dev/null
cmake --build --preset native --target mfplan
ctest --preset native -R '^(cli_tests|schema_tests)$'

stage "native (debug, clang-14, ASan + UBSan; the same build holds the fuzz targets)"
cmake --preset asan >/dev/null
cmake --build --preset asan
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --preset asan

stage "fuzzing (libFuzzer, clang-14 + ASan/UBSan), bounded: ${FUZZ_SECONDS:-15} s per target"
FUZZ_BUILD=build/asan FUZZ_SECONDS=${FUZZ_SECONDS:-15} FUZZ_CLI_FILES=${FUZZ_CLI_FILES:-20} bash scripts/fuzz.sh

stage "WebAssembly (core tests under node, app build)"
cmake --preset wasm >/dev/null
cmake --build --preset wasm
ctest --preset wasm
size=$(stat -c %s dist/microfab-planner.html)
echo "single-file build with test hooks (browser tests): $(stat -c %s build/wasm/dist-test/microfab-planner.html) bytes"
echo "single-file build: $size bytes (budget 2.5 MB = 2500000)"
[ "$size" -lt 2500000 ] || { echo "single-file build over budget"; exit 1; }

stage "browser (headless Chromium)"
node --test --test-concurrency=1 tests/browser/
