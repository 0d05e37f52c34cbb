#!/usr/bin/env bash
# Installs what is missing, builds every target and runs every test:
#   1. native release (GCC): the CLI tests and the schema check
#   2. WebAssembly: the app, the test page and the core unit tests (run under node)
#   3. the real page in headless Chromium (served URL and file://)
#   4. native debug (clang-14, -O1) with AddressSanitizer + UndefinedBehaviorSanitizer: the core
#      unit tests, the CLI tests and the headless GUI test
#   4b. libFuzzer over the plan loader + every analysis and the table readers, briefly, from
#       the same sanitized build (one sanitized compile of the tree, not two)
# Exits non-zero at the first failing stage.
#
# Time (CI: a fresh clone on 2 cores): compiling is most of it and uses both cores; the test
# runs of stages 2 and 3 use about one. So the sanitized build of stage 4 is compiled in the
# background, at low priority, while stages 2 and 3 run their tests: it takes the core they
# leave idle without slowing them. Likewise the WebAssembly side of the setup (one emcc
# process after another) runs in the background beside stage 1. Its log is kept and printed when stage 4 waits for it, and
# a failed build still stops the script. Figures in docs/benchmarks.md ("CI time").
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export NODE_PATH=/usr/share/nodejs
stage() { printf '\n=== %s ===   (%s s)\n' "$*" "$SECONDS"; }

# What the native builds need first; the WebAssembly side of the setup (SDL2 built for
# WebAssembly, whose CMake configure runs emcc a few hundred times one after another, and the
# npm packages) runs in the background while the release build compiles, and is waited for
# before the WebAssembly build. Its log is printed then.
# One background job at a time: started in its own process group (setsid), so that an early
# exit of this script stops all of it, not just its first process; awaited with its log.
background_start() {  # LOG COMMAND...
  local log=$1
  shift
  setsid "$@" >"$log" 2>&1 &
  background_pid=$!
  trap 'kill -- -"$background_pid" 2>/dev/null || true' EXIT
}
background_wait() {  # WHAT LOG: prints the log; exits when the job failed
  local status=0
  wait "$background_pid" || status=$?
  trap - EXIT
  cat "$2"
  [ "$status" -eq 0 ] || { echo "$1 failed (exit $status)"; exit 1; }
}

stage "setup: native dependencies"
bash scripts/setup.sh native
mkdir -p build
background_start build/setup-web.log bash scripts/setup.sh

stage "core/ stays pure (no ImGui, SDL or Emscripten)"
if grep -rnE '#\s*include\s*[<"](imgui|SDL|emscripten|GLES)' core/; then
  echo "core/ must not include UI or platform headers"; exit 1
fi
echo "ok"

stage "the code follows .clang-format (clang-format 14)"
git ls-files '*.cpp' '*.h' | grep -E '^(core|gui|cli|web|tests)/' | xargs clang-format-14 --dry-run --Werror
echo "ok"

# The release build (GCC) is the CLI people run: its figures are checked here. The unit tests
# and the headless GUI tests run in the sanitized build (clang) and the core tests again
# as WebAssembly: compiling them a third time would cost CI minutes (docs/architecture.md).
stage "native (release, GCC): the mfplan CLI's figures and the schema check"
cmake --preset native >/dev/null
cmake --build --preset native --target mfplan
ctest --preset native -R '^(cli_tests|schema_tests)$'

stage "setup: WebAssembly dependencies (background, log build/setup-web.log)"
background_wait setup build/setup-web.log

stage "WebAssembly build (app, test page, core tests)"
cmake --preset wasm >/dev/null
cmake --build --preset wasm
size=$(stat -c %s dist/microfab-planner.html)
echo "single-file build with test hooks (browser tests): $(stat -c %s build/wasm/dist-test/microfab-planner.html) bytes"
echo "single-file build: $size bytes (budget 2.5 MB = 2500000)"
[ "$size" -lt 2500000 ] || { echo "single-file build over budget"; exit 1; }

# From here the sanitized build compiles in the background (see the top of this file); nice
# gives the tests in the foreground the CPU first.
stage "native (debug, clang-14, ASan + UBSan): compiling in the background, log build/asan-build.log"
mkdir -p build
cmake --preset asan >/dev/null
background_start build/asan-build.log nice -n 10 cmake --build --preset asan

stage "WebAssembly: core unit tests under node"
ctest --preset wasm

stage "browser (headless Chromium)"
node --test --test-concurrency=1 tests/browser/

stage "native (debug, clang-14, ASan + UBSan; the same build holds the fuzz targets): build log"
background_wait "sanitized build" build/asan-build.log

# The tests are independent processes that write no shared files (cli_tests uses mktemp), so
# ctest runs two at a time; core_tests is registered in parts (CMakeLists.txt) so that its
# slowest cases do not leave one core idle at the end.
stage "native (debug, clang-14, ASan + UBSan): tests"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --preset asan -j2

stage "fuzzing (libFuzzer, clang-14 + ASan/UBSan), bounded: ${FUZZ_SECONDS:-15} s per target"
# A fixed libFuzzer seed: the same inputs every run, so a test run fails only for a change in
# the code, never by chance (scripts/fuzz.sh without FUZZ_SEED explores with a random seed).
FUZZ_BUILD=build/asan FUZZ_SEED=${FUZZ_SEED:-1} FUZZ_SECONDS=${FUZZ_SECONDS:-15} FUZZ_CLI_FILES=${FUZZ_CLI_FILES:-20} \
  bash scripts/fuzz.sh

stage "all stages passed"
