#!/usr/bin/env bash
# Installs what is missing, builds every target and runs every test:
#   1. native release: core unit tests, CLI tests, schema check
#   2. native debug (clang-14, -O1) with AddressSanitizer + UndefinedBehaviorSanitizer: the same
#      tests and the headless GUI test
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

# The headless GUI tests run in the sanitized build below only: the views hold no numerics,
# and compiling them twice would cost CI minutes (docs/architecture.md, "Tests").
stage "native (release): core unit tests, CLI and schema tests"
cmake --preset native >/dev/null
cmake --build --preset native --target core_tests mfplan
ctest --preset native -E gui_tests

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
