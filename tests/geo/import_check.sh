#!/bin/sh
# Runs `node tools/import/import.mjs --check`: the committed data/ must be
# byte-identical to a fresh import. Exit 77 (ctest: skipped) when the inputs
# are not available here.
# usage: import_check.sh NODE REPO_ROOT
node="$1"
root="$2"
shared="${CAPSANTE_SHARED_DATA:-$root/../shared/data}"
if [ ! -f "$shared/README.md" ]; then
  echo "SKIP: $shared is absent: the import check needs ../shared/data"
  exit 77
fi
if [ ! -d "$root/tools/import/node_modules/@etalab/decoupage-administratif" ]; then
  echo "SKIP: node_modules is absent: run \`npm ci --prefix tools/import\` first"
  exit 77
fi
exec "$node" "$root/tools/import/import.mjs" --check --shared "$shared" --out "$root/data"
