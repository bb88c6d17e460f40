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

# Ranking and comparison: Bastia is put apart, its previous zones in words.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s' '{"date": "2026-03-01", "profession": "sage_femme", "premiere_installation_liberale": false, "mode_exercice": "liberal", "exercice_coordonne": "groupe", "taux_teletransmission": 80, "date_installation": "2026-02-15"}' >"$tmp/sf.json"
ranking=$("$bin" --home "$home" classement --situation "$tmp/sf.json" --departement 2B 2>&1)
contains classement "$ranking" "Bastia (2B033) : 28 000 € sous réserve ; zonage précédent médecins : hors zone ; zonage précédent profession : sous-dotée"
compared=$("$bin" --home "$home" comparer --situation "$tmp/sf.json" 2B033 2A004 2>&1)
contains comparer "$compared" "selon le zonage précédent (hors zone, sous-dotée)"
for raw in sous_dotee tres_sous_dotee hors_zone; do
  if printf '%s\n%s' "$ranking" "$compared" | grep -qw -- "$raw"; then
    failed=$((failed + 1))
    echo "ÉCHEC classement/comparer : valeur interne « $raw » affichée"
  fi
done

if [ "$failed" -ne 0 ]; then exit 1; fi
echo "historique et fraîcheur des zonages : conformes"
