#!/usr/bin/env bash
# Short, bounded libFuzzer runs of both targets (clang-14 from Debian), seeded
# with the kept corpus. New interesting inputs land in a scratch corpus; a
# crash fails the run and leaves its input in tests/fuzz/artifacts/.
# Usage: bash tests/fuzz/run.sh [SECONDS_PER_TARGET]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
build=build-fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAPSANTE_FUZZ=ON \
  -DCAPSANTE_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target expr_fuzz situation_fuzz
mkdir -p tests/fuzz/artifacts
for target in expr situation; do
  scratch=$(mktemp -d)
  "$build/tests/fuzz/${target}_fuzz" "$scratch" "tests/fuzz/corpus/$target" \
    -max_total_time="$seconds" -max_len=4096 -timeout=5 -rss_limit_mb=2048 \
    -artifact_prefix=tests/fuzz/artifacts/ -print_final_stats=1 2>&1 | tail -n 12
  rm -rf "$scratch"
done
