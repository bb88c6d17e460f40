#!/usr/bin/env bash
# The zoning history and the data-freshness table in the command line (issue
# 13): a profession's zoning shows the regional decree that replaced its
# values and from when, and `donnees` lists the region as replaced.
# Usage: zoning_history.sh CAPSANTE_BINARY HOME
set -u
bin=$1
home=$2
failed=0

# contains NAME OUTPUT FRAGMENT
contains() {
  if printf '%s' "$2" | grep -qF -- "$3"; then return; fi
  failed=$((failed + 1))
  echo "ÉCHEC $1 : « $3 » absent de la sortie"
}

# Bastia (2B033): midwives sous-dotée in the 2025 export, to confirm from the
# ARS de Corse's zoning of 1 February 2026.
out=$("$bin" --home "$home" communes 2B033 --historique --date 2026-03-01 2>&1)
code=$?
[ "$code" -eq 0 ] || { failed=$((failed + 1)); echo "ÉCHEC historique : code $code"; }
midwives=$(printf '%s\n' "$out" | sed -n '/Zonage sages-femmes/,/^$/p')
contains historique "$midwives" "du 1er janvier 2025 au 31 janvier 2026 : sous-dotée"
contains historique "$midwives" "depuis le 1er février 2026 : à confirmer"
contains historique "$midwives" "https://www.corse.ars.sante.fr/nouveaux-zonages-medecins-et-sages-femmes"
contains historique "$midwives" "arrêté de zonage sages-femmes de 2026"

# Before that day the history's current period is the known one.
before=$("$bin" --home "$home" communes 2B033 --historique --date 2026-01-31 2>&1 | sed -n '/Zonage sages-femmes/,/^$/p')
contains historique_avant "$before" "→ du 1er janvier 2025 au 31 janvier 2026 : sous-dotée"

# `donnees`: the midwives' layer names Corse as replaced after the date.
fresh=$("$bin" --home "$home" donnees --date 2026-06-01 2>&1 | sed -n '/^Zonage sages-femmes/,/^$/p')
contains donnees "$fresh" "Corse :"
contains donnees "$fresh" "REMPLACÉ par : ARS de Corse, arrêté de zonage sages-femmes de 2026, en vigueur le 01/02/2026"
early=$("$bin" --home "$home" donnees --date 2026-01-31 2>&1 | sed -n '/^Zonage sages-femmes/,/^$/p')
contains donnees_avant "$early" "sera remplacé par : ARS de Corse, arrêté de zonage sages-femmes de 2026"

if [ "$failed" -ne 0 ]; then exit 1; fi
echo "historique et fraîcheur des zonages : conformes"
