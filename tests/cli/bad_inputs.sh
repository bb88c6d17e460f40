#!/usr/bin/env bash
# Broken inputs to the command line: each must exit with code 2 and a French
# one-line message naming the field, never crash. Run by ctest (and so under
# ASan/UBSan in the sanitizer build).
# Usage: bad_inputs.sh CAPSANTE_BINARY HOME
set -u
bin=$1
home=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# expect NAME EXPECTED_EXIT FIELD_FRAGMENT -- ARGS...
expect() {
  local name=$1 want=$2 fragment=$3
  shift 4
  "$bin" --home "$home" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local got=$?
  if [ "$got" -eq "$want" ] && grep -qF -- "$fragment" "$tmp/err" && ! grep -q "terminate\|Sanitizer\|runtime error" "$tmp/err"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "ÉCHEC $name : code $got (attendu $want), message : $(head -c 300 "$tmp/err")"
  fi
}

case_json() {  # NAME FIELD JSON
  printf '%s' "$3" >"$tmp/$1.json"
  expect "$1" 2 "$2" -- simulate "$tmp/$1.json"
}

case_json unknown_field "profesion" '{"profesion":"medecin"}'
case_json unknown_nested "zonage.medicin" '{"zonage":{"medicin":"ZIP"}}'
case_json wrong_type_age "« votre âge » doit être un nombre entier" '{"age":"trente"}'
case_json wrong_type_bool "« adhésion à l'OPTAM ou à l'OPTAM-CO »" '{"optam":"oui"}'
case_json impossible_date "« votre date d'installation dans la zone » : date impossible" '{"date_installation":"2025-02-30"}'
case_json bad_date_format "« date de la simulation » : date impossible" '{"date":"01/06/2025"}'
case_json unknown_profession "« votre profession » : « astronaute » n'est pas une valeur permise" '{"profession":"astronaute"}'
case_json unknown_aid_contract "« aide du contrat » (contrat n° 1) : aide inconnue" '{"contrats":[{"id":"caimm","date_debut":"2024-01-01"}]}'
case_json negative_fees "« honoraires conventionnés annuels dans la zone (euros) » doit être supérieur ou égal à 0" '{"honoraires_annuels_zone":-1000}'
case_json absurd_days "« jours d'exercice libéral par semaine dans la zone » doit être inférieur ou égal à 7" '{"jours_par_semaine":12}'
case_json absurd_age "« votre âge » doit être inférieur ou égal à 100" '{"age":250}'
case_json fractional_age "« votre âge » doit être un nombre entier" '{"age":33.5}'
case_json bad_trainee "« quotité du stagiaire (1 = temps plein) » (stagiaire n° 1)" '{"stagiaires":[{"quotite":3,"mois":2}]}'
case_json bad_commune "« commune d'exercice (code INSEE) » : format invalide" '{"commune":"Paris"}'
case_json unknown_commune "« commune d'exercice (code INSEE) » : code INSEE inconnu" '{"commune":"99999"}'
case_json not_an_object "JSON" '[1,2,3]'
case_json invalid_json "JSON invalide" '{"age": 30,'
case_json empty_input "JSON invalide" ''
case_json deep_input "imbriquée" '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'
case_json binary "JSON invalide" $'\x01\x02\xff\xfe'
case_json number_overflow "JSON invalide" '{"age": 1e999}'
case_json number_overflow_top "JSON invalide" '2e025656-C{'

# Strict situations (issue 14): a key twice at any level, the closed list of
# specialties, lengths in characters, whole numbers, dates whose payments
# would leave the supported range. The message names the field by its label
# and never shows the raw path (`no_raw` checks stderr).
# case_label NAME RAW_PATH MESSAGE_FRAGMENT JSON
case_label() {
  case_json "$1" "$3" "$4"
  # A dotted or indexed path must not appear at all; a plain name, not as « name ».
  local raw="$2"
  case "$raw" in *.*|*_*|*\[*) ;; *) raw="« $raw »" ;; esac
  if grep -qF -- "$raw" "$tmp/err"; then
    failed=$((failed + 1))
    echo "ÉCHEC $1 : le chemin brut « $2 » apparaît dans le message : $(head -c 300 "$tmp/err")"
  fi
}
case_label duplicate_top age "« votre âge » est donné deux fois" '{"age":65,"age":40}'
case_label duplicate_object zonage "« zonages du lieu d'exercice » est donné deux fois" '{"zonage":{"medecin":"ZIP"},"zonage":{"qpv":true}}'
case_label duplicate_nested zonage.medecin "« zonage médecins de la commune » est donné deux fois" '{"zonage":{"medecin":"ZIP","medecin":"ZAC"}}'
case_label duplicate_in_list "stagiaires[1]" "(stagiaire n° 2) est donné deux fois" '{"stagiaires":[{"mois":6},{"mois":2,"mois":3}]}'
case_label host_age medecin_accueilli "« âge du médecin que vous accueillez » doit être supérieur ou égal à 20" '{"medecin_accueilli":{"age":12}}'
case_label specialty_label medecine_generale "vouliez-vous dire « médecine générale » ?" '{"profession":"medecin","specialite":"Médecine générale"}'
case_label specialty_spaces medecine_generale "vouliez-vous dire « médecine générale » ?" '{"profession":"medecin","specialite":"medecine generale"}'
case_label specialty_empty specialite "« votre spécialité » est vide" '{"specialite":""}'
case_label sector_half secteur "« votre secteur conventionnel » doit être" '{"secteur":1.5}'
case_label id_too_long contrats "est trop long (64 caractères au plus)" "{\"contrats\":[{\"id\":\"$(printf 'é%.0s' $(seq 65))\"}]}"
case_label payment_after_2199 date_installation "« votre date d'installation dans la zone » : le 31 décembre 2199 est trop tardif" '{"profession":"medecin","zonage":{"medecin":"ZIP"},"date_installation":"2199-12-31"}'
case_label trailing_comma age "JSON invalide (octet" '{"age":30,}'

# The same rules accept their other side.
accept() {  # NAME JSON
  printf '%s' "$2" >"$tmp/$1.json"
  if "$bin" --home "$home" simulate "$tmp/$1.json" >"$tmp/out" 2>"$tmp/err" </dev/null; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "ÉCHEC $1 : refusé à tort : $(head -c 300 "$tmp/err")"
  fi
  # A table never says "Il manque :" and then nothing.
  if grep -qE "Il manque :[[:space:]]*$" "$tmp/out"; then
    failed=$((failed + 1))
    echo "ÉCHEC $1 : « Il manque : » sans rien après"
  fi
}
accept sector_whole '{"profession":"medecin","secteur":1.0,"zonage":{"medecin":"ZIP"}}'
accept id_64_chars "{\"contrats\":[{\"id\":\"caim\"}],\"specialite\":\"medecine_generale\"}"
accept latest_installation '{"profession":"medecin","zonage":{"medecin":"ZIP"},"date":"2194-12-31","date_installation":"2194-12-31","jours_par_semaine":4}'
accept empty_situation '{}'
for example in "$home"/examples/*.json; do accept "example_$(basename "$example" .json)" "$(cat "$example")"; done

# A 10 MB file.
head -c 10485760 /dev/zero | tr '\0' ' ' >"$tmp/big.json"
expect big_file 2 "trop volumineuse" -- simulate "$tmp/big.json"
expect missing_file 2 "illisible" -- simulate "$tmp/does-not-exist.json"
printf '{"profession":"medecin"}' >"$tmp/ok.json"
expect bad_date_option 2 "--date" -- simulate --date 2025-13-01 "$tmp/ok.json"
expect unknown_aid_option 2 "--aide" -- simulate --aide nimporte "$tmp/ok.json"
expect unknown_aid 2 "aide inconnue" -- aide nimporte
expect unknown_details 2 "--details" -- simulate "$tmp/ok.json" --details=nimporte
# Batches: a bad CSV header stops before any line; a bad line gives exit 2
# at the end, naming its line and field, after the good lines are answered.
printf 'profession,couleur\nmedecin,bleu\n' >"$tmp/bad_header.csv"
expect lot_bad_header 2 "couleur" -- simulate --lot "$tmp/bad_header.csv"
printf '{"profession":"medecin"}\n{"age":"x"}\n' >"$tmp/lot.jsonl"
"$bin" --home "$home" simulate --lot "$tmp/lot.jsonl" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q '"ligne":2,"erreur":"[^"]*","champ":"age"' "$tmp/out" && grep -q '"ligne":1,"resultat"' "$tmp/out" &&
  passed=$((passed + 1)) || { failed=$((failed + 1)); echo "ÉCHEC lot_bad_line : $(head -c 300 "$tmp/out")"; }
printf 'profession,age\nmedecin,trente\n' >"$tmp/bad_cell.csv"
expect lot_bad_cell 2 "ligne 2" -- simulate --lot "$tmp/bad_cell.csv" --format csv
expect lot_bad_format 2 "--format" -- simulate --lot "$tmp/lot.jsonl" --format xml
expect unknown_subcommand 2 "erreur" -- frobnicate
expect bad_profession_filter 2 "--profession" -- aides --profession astronaute
expect plan_horizon_zero 2 "durée du plan" -- plan --horizon 0 "$tmp/ok.json"
expect plan_horizon_too_long 2 "durée du plan" -- plan --horizon 31 "$tmp/ok.json"
expect plan_horizon_text 2 "durée du plan" -- plan --horizon dix "$tmp/ok.json"
expect plan_bad_situation 2 "votre âge" -- plan "$tmp/wrong_type_age.json"
"$bin" --home "$tmp/nowhere" aides >/dev/null 2>"$tmp/err"
if [ $? -eq 3 ] && grep -q "catalogue" "$tmp/err"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "ÉCHEC broken_home : $(cat "$tmp/err")"; fi
printf '{"profession":"medecin"}' | "$bin" --home "$home" simulate >/dev/null 2>&1 && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "ÉCHEC stdin : une situation valide sur l'entrée standard est refusée"; }

echo "bad inputs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
