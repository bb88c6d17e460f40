#!/usr/bin/env bash
# The main job: installs what is needed, builds, and starts the web simulator
# and JSON API on http://127.0.0.1:8080 (override with PORT=… HOST=…).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
if [ -f web/package-lock.json ]; then
  npm ci --prefix web --no-audit --no-fund --loglevel=error
fi
exec ./build/apps/cli/capsante serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8080}"
