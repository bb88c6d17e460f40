#!/usr/bin/env bash
# Builds and runs every test: unit tests, scenario files, catalog lint, the
# robustness corpus under AddressSanitizer + UBSan, short bounded fuzz runs,
# the data import check and the web page in a real browser.
# Usage: bash scripts/test.sh   (after scripts/install-deps.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

step() { printf '\n==== %s\n' "$*"; }

step "Build (RelWithDebInfo)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"

if [ -f tools/import/package-lock.json ]; then
  step "npm ci (commune import)"
  npm ci --prefix tools/import --no-audit --no-fund --loglevel=error
fi
if [ -f web/package-lock.json ]; then
  step "npm ci (web page tests)"
  npm ci --prefix web --no-audit --no-fund --loglevel=error
fi

step "Tests (ctest)"
ctest --test-dir build --output-on-failure -j"$jobs"

step "AddressSanitizer + UndefinedBehaviorSanitizer: scenarios, broken inputs, fuzz corpora"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCAPSANTE_SANITIZE=ON -DCAPSANTE_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE nosanitize

step "libFuzzer: short bounded runs of every target (clang), 120 s in all"
bash tests/fuzz/run.sh 120

step "All tests passed"
