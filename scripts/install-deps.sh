#!/usr/bin/env bash
# Every system package capsante needs, from Debian 12's archive, in one place.
# Run as root on a fresh machine (the README's first step). Idempotent.
#
# Why these (docs/dependencies.md has the full reasoning):
#   cmake, g++                 the build (C++20, target-based CMake)
#   nlohmann-json3-dev         JSON in and out (header-only, exact error positions)
#   libyaml-dev                the catalog's YAML, read with positions, ten times faster than yaml-cpp
#   libyaml-cpp-dev            the test scenarios and plans (tests/, capsante lint), read with line marks
#   libcli11-dev               the command line (one file per subcommand)
#   libboost-dev               the HTTP server (`capsante serve`): Boost.Beast over Asio, header-only
#   libdeflate-dev             gzip of the server's answers and of the page's files (2-3 times faster than zlib)
#   libgtest-dev libgmock-dev  unit tests
#   libbenchmark-dev           benchmarks (Google Benchmark)
#   clang-14 libclang-rt-14-dev  libFuzzer targets
#   wrk                        HTTP load benchmark (scripts/bench-server.sh)
#   chromium chromium-driver   the web page's end-to-end tests (Playwright drives Debian's Chromium)
#   nodejs npm                 only when the machine has no Node.js: the commune import and the web tests
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  nlohmann-json3-dev libyaml-dev libyaml-cpp-dev libcli11-dev libboost-dev libdeflate-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev
  wrk
  chromium chromium-driver
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "dépendances système : OK"
