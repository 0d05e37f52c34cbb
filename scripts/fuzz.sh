#!/usr/bin/env bash
# Fuzzes the plan loader with every analysis (tests/fuzz/fuzz_plan.cpp) and the table readers
# (tests/fuzz/fuzz_tables.cpp) with libFuzzer, AddressSanitizer and UBSan (Debian's clang-14),
# then runs the sanitized CLI over the crashers and a sample of the inputs found, checking that
# no output holds NaN or Infinity and that every --json output parses (tests/fuzz/cli_sweep.py).
#
#   bash scripts/fuzz.sh                 # 60 s per target
#   FUZZ_SECONDS=600 bash scripts/fuzz.sh
#   FUZZ_CLI_FILES=0 bash scripts/fuzz.sh   # skip the CLI sweep
#   FUZZ_BUILD=build/asan bash scripts/fuzz.sh   # use that MF_FUZZ build (scripts/test.sh does)
#   FUZZ_SEED=1 bash scripts/fuzz.sh     # libFuzzer's -seed: the same mutations every run
#                                        # (scripts/test.sh: CI passes or fails reproducibly);
#                                        # default 0 = a new random seed each run, to explore
#
# Seed corpus: assets/examples, tests/data and every committed crasher (tests/fuzz/corpus/TARGET).
# New inputs go to build/fuzz/corpus/TARGET (kept between runs, not committed); a crash, a
# sanitizer report, an input slower than 10 s or one needing over 2 GB (the WebAssembly heap)
# stops the target and is written to build/fuzz/artifacts/TARGET/. Commit such an input as
# tests/fuzz/corpus/TARGET/<what-it-found> and add it as a unit test (tests/core/test_hostile_inputs.cpp).
# Exits non-zero when a target found something or the CLI sweep failed.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
SECONDS_EACH=${FUZZ_SECONDS:-60}
CLI_FILES=${FUZZ_CLI_FILES:-100}
BUILD=${FUZZ_BUILD:-build/fuzz}
CXX=${FUZZ_CXX:-clang++-14}
CC=${FUZZ_CC:-clang-14}

if [ -n "${FUZZ_BUILD:-}" ]; then
  # An existing MF_FUZZ build (scripts/test.sh passes the asan preset's, which has the targets).
  echo "=== build ($BUILD) ==="
else
  echo "=== configure and build ($BUILD, $CXX) ==="
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
        -DMF_FUZZ=ON -DMF_GUI=OFF "${launcher[@]}" >/dev/null || exit 1
fi
cmake --build "$BUILD" --target fuzz_plan fuzz_tables mfplan || exit 1

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
# The two targets run side by side (one core each), then report in order.
fuzz_one() { # target
  local target=$1
  mkdir -p "$BUILD/corpus/$target" "$BUILD/artifacts/$target" "tests/fuzz/corpus/$target"
  local seeds=(assets/examples tests/data "tests/fuzz/corpus/$target")
  local dict="tests/fuzz/${target#fuzz_}.dict"   # keys, column names and edge numbers
  "$BUILD/$target" "$BUILD/corpus/$target" "${seeds[@]}" \
      -dict="$dict" -seed="${FUZZ_SEED:-0}" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=262144 \
      -artifact_prefix="$BUILD/artifacts/$target/" -print_final_stats=1 2>"$BUILD/$target.log"
}
echo
echo "=== fuzz_plan and fuzz_tables: $SECONDS_EACH s each, side by side ==="
started=$(date +%s)
pids=()
for target in fuzz_plan fuzz_tables; do
  fuzz_one "$target" &
  pids+=($!)
done
i=0
for target in fuzz_plan fuzz_tables; do
  wait "${pids[$i]}"
  rc=$?
  i=$((i + 1))
  echo
  echo "--- $target"
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)" "$BUILD/$target.log" | tail -3
  echo "$target: exit $rc ($(( $(date +%s) - started )) s since both started)"
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "$target found a problem (log: $BUILD/$target.log):"
    grep -E "ERROR|SUMMARY|fuzz check|Test unit written" "$BUILD/$target.log" | head -10
  fi
done

if [ "$CLI_FILES" -gt 0 ]; then
  echo
  echo "=== CLI sweep: no NaN or Infinity, JSON parses (sanitized mfplan) ==="
  /usr/bin/python3 tests/fuzz/cli_sweep.py "$BUILD/mfplan" "$CLI_FILES" \
      tests/fuzz/corpus/fuzz_plan "$BUILD/corpus/fuzz_plan" -- tests/fuzz/corpus/fuzz_tables "$BUILD/corpus/fuzz_tables" \
    || status=1
fi
exit $status
