#!/bin/sh
# Runs `node tools/import/import.mjs --check`: the committed data/ must be
# byte-identical to a fresh import. When the inputs are not available here
# the test fails with the reason, unless CAPSANTE_SKIP_TESTS lists
# `shared-data` or `import-modules` (then exit 77, ctest: skipped).
# usage: import_check.sh NODE REPO_ROOT
node="$1"
root="$2"
skip_or_fail="$root/tests/skip_or_fail.sh"
# ../shared/data beside the clone (CI, main work tree); a worktree one level
# deeper (wt/NAME) finds it two levels up.
shared="${CAPSANTE_SHARED_DATA:-}"
if [ -z "$shared" ]; then
  shared="$root/../shared/data"
  [ -f "$shared/README.md" ] || shared="$root/../../shared/data"
fi
if [ ! -f "$shared/README.md" ]; then
  exec sh "$skip_or_fail" shared-data "données partagées absentes ($root/../shared/data) : la vérification de l'import en a besoin (ou CAPSANTE_SHARED_DATA=DOSSIER)"
fi
if [ ! -d "$root/tools/import/node_modules/@etalab/decoupage-administratif" ]; then
  exec sh "$skip_or_fail" import-modules "tools/import/node_modules absent : lancez « npm ci --prefix tools/import »"
fi
exec "$node" "$root/tools/import/import.mjs" --check --shared "$shared" --out "$root/data"
