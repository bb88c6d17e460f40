#!/usr/bin/env bash
# Short, bounded libFuzzer runs of every target (clang-14 from Debian), seeded
# with the kept corpus. Undefined behaviour, a leak, a timeout or a crash stops
# the target (-fno-sanitize-recover, halt_on_error) and fails the run with the
# whole report printed; its input is left in tests/fuzz/artifacts/. New
# interesting inputs land in a scratch corpus (merge them by hand, see
# docs/testing.md).
# Usage: bash tests/fuzz/run.sh [TOTAL_SECONDS]   (default 120, shared by the targets)
set -euo pipefail
cd "$(dirname "$0")/../.."
total=${1:-120}
build=build-fuzz
targets=(expr situation api catalog_yaml commune_search)
per_target=$(( total / ${#targets[@]} ))
[ "$per_target" -ge 1 ] || per_target=1

CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAPSANTE_FUZZ=ON \
  -DCAPSANTE_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/%/_fuzz}"
mkdir -p tests/fuzz/artifacts

export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1

failed=0
summary=""
for target in "${targets[@]}"; do
  scratch=$(mktemp -d)
  log=$(mktemp)
  max_len=4096
  [ "$target" = catalog_yaml ] && max_len=32768  # whole catalog files
  status=0
  "$build/tests/fuzz/${target}_fuzz" "$scratch" "tests/fuzz/corpus/$target" \
    -max_total_time="$per_target" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=tests/fuzz/artifacts/ -print_final_stats=1 >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  # A report fails the run even if the process somehow exited 0.
  if [ "$status" -ne 0 ] || grep -qE 'runtime error:|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|SUMMARY: ' "$log"; then
    echo "==== ${target}_fuzz: FINDING (exit $status) — full report:"
    cat "$log"
    failed=$((failed + 1))
  else
    echo "==== ${target}_fuzz: ${runs:-?} runs in ${per_target} s, no finding"
  fi
  summary+="${target}_fuzz ${runs:-?} runs; "
  rm -rf "$scratch" "$log"
done
echo "fuzz: $summary"
echo "fuzz: $(( ${#targets[@]} - failed )) passed, $failed failed"
[ "$failed" -eq 0 ]
