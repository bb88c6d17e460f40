#!/usr/bin/env bash
# Mutation testing of the catalog (docs/testing.md): every one-value change to
# catalog/aides/*.yaml, every scenario run against each mutant. Prints the
# survivors and the score; exit 1 when a mutant survives that neither
# tests/mutation/equivalents.txt nor tests/mutation/survivors.txt lists, or
# when an entry of those lists is stale.
# Usage: bash scripts/mutate-catalog.sh [--only AID] [--sample N] [--list]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x build/tests/mutation/catalog_mutate ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j"$(nproc)" --target catalog_mutate
fi
exec build/tests/mutation/catalog_mutate --home . "$@"
