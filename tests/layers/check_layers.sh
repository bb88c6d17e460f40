#!/usr/bin/env bash
# The library's layers (src/README.md), checked on every #include "..." of
# src/ and include/capsante/: a layer reads the public headers of the layers
# it uses, and the internal headers (src/<folder>/...) only of those it
# reaches. Usage: check_layers.sh <source root>. Exit 1 on a violation.
set -u
root=$1

# Layers a layer may use through their public headers (itself implied).
declare -A uses=(
  [util]=""
  [yaml]="util"
  [schema]="util"
  [expr]="schema util"
  [compiled]="expr schema util"
  [geo]="util"
  [catalog]="compiled expr schema geo util"
  [engine]="catalog compiled expr schema util"
  [plan]="engine catalog schema util"
  [place]="plan engine catalog schema geo util"
  [service]="place plan engine catalog schema geo util"
)
# Layers whose internal headers a layer may include (itself implied).
declare -A reaches=(
  [util]=""
  [yaml]="util"
  [schema]="yaml util"
  [expr]=""
  [compiled]="expr"
  [geo]="util"
  [catalog]="compiled expr yaml util"
  [engine]="compiled expr util"
  [plan]="compiled util"
  [place]="util"
  [service]="engine util"
)
# Public headers whose layer is not their own name.
declare -A owner=(
  [date.h]=util [text.h]=util [status.h]=util
  [situation.h]=schema [scale.h]=expr [result.h]=engine [batch.h]=service
)

violations=0
report() { echo "$1: $2"; violations=$((violations + 1)); }

# The layer of an included path ("expr/bound.h", "capsante/catalog.h").
layer_of() {
  case $1 in
    capsante/*) local h=${1#capsante/}; echo "${owner[$h]:-${h%.h}}" ;;
    util/yaml_util.h) echo yaml ;;
    */*) echo "${1%%/*}" ;;
    *) echo "" ;;
  esac
}

check_file() {  # file layer
  local file=$1 layer=$2 inc target
  if [ -z "${uses[$layer]+x}" ]; then
    report "$file" "layer « $layer » is not in tests/layers/check_layers.sh: add it, with what it may use"
    return
  fi
  while IFS= read -r inc; do
    target=$(layer_of "$inc")
    [ -z "$target" ] || [ "$target" = "$layer" ] && continue
    if [[ $inc == capsante/* ]]; then
      [[ " ${uses[$layer]} " == *" $target "* ]] || report "$file" "$layer may not use $target (#include \"$inc\")"
    else
      [[ " ${reaches[$layer]} " == *" $target "* ]] || report "$file" "$layer may not include the internals of $target (#include \"$inc\")"
    fi
  done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file")
}

for file in "$root"/include/capsante/*.h; do
  check_file "$file" "$(layer_of "capsante/$(basename "$file")")"
done
while IFS= read -r file; do
  rel=${file#"$root"/src/}
  layer=${rel%%/*}
  [ "$rel" = util/yaml_util.cc ] || [ "$rel" = util/yaml_util.h ] && layer=yaml
  check_file "$file" "$layer"
done < <(find "$root/src" -mindepth 2 -name '*.h' -o -mindepth 2 -name '*.cc' | sort)

if [ "$violations" -gt 0 ]; then
  echo "$violations include(s) break the layers of src/README.md"
  exit 1
fi
echo "layers respected: util ← yaml ← schema ← expr ← compiled ← catalog ← engine ← plan ← place; geo ← catalog, place"
