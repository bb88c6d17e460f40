#!/usr/bin/env bash
# Batch benchmark (not a test): `capsante simulate --lot` on 100,000 random
# doctors' situations (dates 2025-2026, every profile field drawn at random,
# a few fields dropped), JSON Lines in, JSON Lines and CSV out. Reports
# situations per second. The input is generated with a fixed seed.
#
# Usage: bash scripts/bench-lot.sh   (after the build)
# Env:   CAPSANTE_BIN (default build/apps/cli/capsante), COUNT (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CAPSANTE_BIN:-build/apps/cli/capsante}
count=${COUNT:-100000}
[ -x "$bin" ] || { echo "binaire introuvable : $bin (construisez d'abord)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$count" >"$work/lot.jsonl" <<'PY'
import json, random, sys
random.seed(20261129)
communes = ["36044", "58194", "75056", "13055", "69123", "31555", "23096", "15014", "48095", "09122",
            "97411", "2A004", "59350", "67482", "33063", "44109", "35238", "21231", "87085", "58086"]
def day(y0, y1):
    return f"{random.randint(y0, y1)}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"
for _ in range(int(sys.argv[1])):
    s = {
        "date": day(2025, 2026),
        "profession": "medecin",
        "specialite": random.choice(["medecine_generale", "pediatrie", "psychiatrie", "radiologie"]),
        "mode_exercice": random.choice(["liberal", "salarie", "remplacant"]),
        "commune": random.choice(communes),
        "secteur": random.choice(["1", "2", "non_conventionne"]),
        "optam": random.random() < 0.5,
        "exercice_coordonne": random.choice(["aucun", "groupe", "msp", "cds", "esp", "cpts"]),
        "jours_par_semaine": random.choice([2, 2.5, 3, 3.5, 4, 4.5, 5]),
        "date_installation": day(2024, 2026),
        "premiere_installation_liberale": random.random() < 0.5,
        "age": random.randint(26, 70),
        "honoraires_annuels_zone": random.randint(10000, 400000),
        "activite_hopital_proximite": random.random() < 0.2,
        "participe_pdsa": random.random() < 0.5,
        "taux_teletransmission": random.randint(50, 100),
    }
    for k in random.sample([k for k in s if k not in ("date", "profession")], random.randint(0, 3)):
        del s[k]  # a few fields dropped: those aids are `a_preciser`
    print(json.dumps(s, separators=(",", ":")))
PY
echo "capsante simulate --lot — $(nproc) cœurs, $count situations de médecins ($(du -h "$work/lot.jsonl" | cut -f1) en entrée)"
for format in jsonl csv; do
  t0=$(date +%s%N)
  rc=0
  "$bin" simulate --lot "$work/lot.jsonl" --format "$format" >"$work/out.$format" 2>"$work/err.$format" || rc=$?
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  printf 'sortie %-5s : %6d ms, %7d situations/s, %s en sortie, code %d\n' "$format" "$ms" $(( count * 1000 / (ms > 0 ? ms : 1) )) \
    "$(du -h "$work/out.$format" | cut -f1)" "$rc"
done
