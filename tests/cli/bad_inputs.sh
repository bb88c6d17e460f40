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
case_json wrong_type_age "age" '{"age":"trente"}'
case_json wrong_type_bool "optam" '{"optam":"oui"}'
case_json impossible_date "date_installation" '{"date_installation":"2025-02-30"}'
case_json bad_date_format "date" '{"date":"01/06/2025"}'
case_json unknown_profession "profession" '{"profession":"astronaute"}'
case_json unknown_aid_contract "contrats[0].id" '{"contrats":[{"id":"caimm","date_debut":"2024-01-01"}]}'
case_json negative_fees "honoraires_annuels_zone" '{"honoraires_annuels_zone":-1000}'
case_json absurd_days "jours_par_semaine" '{"jours_par_semaine":12}'
case_json absurd_age "age" '{"age":250}'
case_json fractional_age "age" '{"age":33.5}'
case_json bad_trainee "stagiaires[0].quotite" '{"stagiaires":[{"quotite":3,"mois":2}]}'
case_json bad_commune "commune" '{"commune":"Paris"}'
case_json unknown_commune "commune" '{"commune":"99999"}'
case_json not_an_object "JSON" '[1,2,3]'
case_json invalid_json "JSON invalide" '{"age": 30,'
case_json empty_input "JSON invalide" ''
case_json deep_input "imbriquée" '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'
case_json binary "JSON invalide" $'\x01\x02\xff\xfe'
case_json number_overflow "JSON invalide" '{"age": 1e999}'
case_json number_overflow_top "JSON invalide" '2e025656-C{'

# A 10 MB file.
head -c 10485760 /dev/zero | tr '\0' ' ' >"$tmp/big.json"
expect big_file 2 "trop volumineuse" -- simulate "$tmp/big.json"
expect missing_file 2 "illisible" -- simulate "$tmp/does-not-exist.json"
printf '{"profession":"medecin"}' >"$tmp/ok.json"
expect bad_date_option 2 "--date" -- simulate --date 2025-13-01 "$tmp/ok.json"
expect unknown_aid_option 2 "--aide" -- simulate --aide nimporte "$tmp/ok.json"
expect unknown_aid 2 "aide inconnue" -- aide nimporte
expect unknown_subcommand 2 "erreur" -- frobnicate
expect bad_profession_filter 2 "--profession" -- aides --profession astronaute
expect plan_horizon_zero 2 "durée du plan" -- plan --horizon 0 "$tmp/ok.json"
expect plan_horizon_too_long 2 "durée du plan" -- plan --horizon 31 "$tmp/ok.json"
expect plan_horizon_text 2 "durée du plan" -- plan --horizon dix "$tmp/ok.json"
expect plan_bad_situation 2 "age" -- plan "$tmp/wrong_type_age.json"
"$bin" --home "$tmp/nowhere" aides >/dev/null 2>"$tmp/err"
if [ $? -eq 3 ] && grep -q "catalogue" "$tmp/err"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "ÉCHEC broken_home : $(cat "$tmp/err")"; fi
printf '{"profession":"medecin"}' | "$bin" --home "$home" simulate >/dev/null 2>&1 && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "ÉCHEC stdin : une situation valide sur l'entrée standard est refusée"; }

echo "bad inputs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
