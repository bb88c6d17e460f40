#!/usr/bin/env bash
# Load test of `capsante serve` (a benchmark, not a test): starts the server on
# a free loopback port and measures, with wrk on the same machine:
#   1. POST /api/v1/simulate, every request a different doctor's situation,
#      Accept-Encoding: gzip, 64 connections: requests/s, p99, and the CPU
#      time per request of the server and of wrk (same cores);
#   2. the same situation again and again, without compression; then, for
#      the ceiling of HTTP on this machine, a page file already compressed
#      (no work, an answer of the same size) and /healthz;
#   3. /healthz latency while 5,000 idle connections are held open;
#   4. /healthz latency while 100 clients send one byte a second;
#   5. memory (RSS) sampled every 5 s over 60 s of load (1.), then stops the
#      server with SIGTERM.
# The access log stays on (written to a file) as in production. About 2 min.
#
# Usage: bash scripts/bench-server.sh   (after the build)
# Env:   CAPSANTE_BIN (default build/apps/cli/capsante), DURATION (s, default 10),
#        CONNECTIONS (default 64), THREADS (wrk threads, default 2),
#        IDLE (default 5000), SLOW (default 100), SOAK (s, default 60),
#        SERVE_ARGS (extra options of `capsante serve`, e.g. "--threads 1"),
#        POOL (different situations drawn per wrk thread, default 10000;
#        0: drawn anew for every request, the method before 2026-11-30)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CAPSANTE_BIN:-build/apps/cli/capsante}
situation=examples/medecin-chateauroux-2026.json
duration=${DURATION:-10}
connections=${CONNECTIONS:-64}
wrk_threads=${THREADS:-2}
idle=${IDLE:-5000}
slow=${SLOW:-100}
soak=${SOAK:-60}
command -v wrk >/dev/null || { echo "wrk manquant (bash scripts/install-deps.sh)"; exit 1; }
[ -x "$bin" ] || { echo "binaire introuvable : $bin (construisez d'abord)"; exit 1; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

work=$(mktemp -d)
server_pid=
helper_pid=
cleanup() {
  [ -n "$helper_pid" ] && kill "$helper_pid" 2>/dev/null || true
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"
t0=$(date +%s%N)
"$bin" serve --host 127.0.0.1 --port "$port" ${SERVE_ARGS:-} >"$work/stdout" 2>"$work/access.log" &
server_pid=$!
for _ in $(seq 1 400); do
  if curl -sf -o /dev/null "$base/healthz"; then break; fi
  sleep 0.005
done
t1=$(date +%s%N)
curl -sf -o /dev/null "$base/healthz" || { echo "le serveur ne répond pas"; cat "$work/stdout" "$work/access.log"; exit 1; }
ready_ms=$(( (t1 - t0) / 1000000 ))

python3 - "$situation" >"$work/body.lua" <<'PY'
import json, sys
body = json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False, separators=(",", ":"))
print("BODY = [==[" + body + "]==]")
PY
cat >"$work/same.lua" <<LUA
dofile("$work/body.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = BODY
LUA
# Every request a different doctor: commune, dates, days, sector, fees and
# age drawn at random (as real users send), gzip accepted as browsers do.
# Each wrk thread draws $POOL situations once, in init(), and cycles through
# them (2 threads: 20,000 different situations by default), so that building
# a request costs wrk nothing during the measurement; POOL=0 draws every
# request anew as before 2026-11-30 (the Lua then took ~3 µs of wrk's CPU
# per request; building the pool takes ~8 µs per situation, once).
cat >"$work/distinct.lua" <<'LUA'
local communes = {"36044","58194","75056","13055","69123","31555","23096","15014","48095","09122",
                  "97411","2A004","59350","67482","33063","44109","35238","21231","87085","58086"}
local ex = {"aucun","groupe","msp","cds","esp","cpts"}
local sectors = {"1","2","non_conventionne"}
local headers = {["Content-Type"] = "application/json", ["Accept-Encoding"] = "gzip, deflate, br"}
local pool_size = tonumber(os.getenv("POOL") or "10000")
local pool, last = {}, 0
function setup(thread) thread:set("seed", math.random(1, 1e9)) end
local function date(y) return string.format("%d-%02d-%02d", y, math.random(1, 12), math.random(1, 28)) end
local function new_request()
  local c = communes[math.random(#communes)]
  local body = string.format(
    '{"date":"%s","profession":"medecin","specialite":"medecine_generale","mode_exercice":"liberal","commune":"%s",' ..
    '"secteur":"%s","exercice_coordonne":"%s","jours_par_semaine":%.1f,"date_installation":"%s",' ..
    '"premiere_installation_liberale":%s,"participe_pdsa":%s,"age":%d,"honoraires_annuels_zone":%d}',
    date(math.random(2025, 2026)), c, sectors[math.random(#sectors)], ex[math.random(#ex)],
    math.random(4, 10) / 2, date(math.random(2024, 2026)), math.random() < 0.5 and "true" or "false",
    math.random() < 0.5 and "true" or "false", math.random(27, 70), math.random(20000, 400000))
  return wrk.format("POST", "/api/v1/simulate", headers, body)
end
function init(args)
  math.randomseed(seed)
  for i = 1, pool_size do pool[i] = new_request() end
end
function request()
  if pool_size == 0 then return new_request() end
  last = last % pool_size + 1
  return pool[last]
end
LUA
# No work at all, for the ceiling: a file of the page, already compressed at
# start-up, of about the size of a compressed answer (6.2 KB); and /healthz.
cat >"$work/file.lua" <<'LUA'
wrk.path = "/js/results.js"
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
LUA
cat >"$work/health.lua" <<'LUA'
wrk.path = "/healthz"
LUA

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }  # utime + stime

# Prints requests/s, p99, and the CPU time per request of the server and of
# wrk itself: both share the same cores, and wrk building each random
# situation in Lua takes a share that the server does not get.
run() {  # name, wrk args...
  local name=$1; shift
  local before after requests rps p99 errors wrk_cpu tck
  before=$(cpu_ticks)
  local TIMEFORMAT='%U %S'
  { time wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --timeout 5s --latency "$@" "$base/api/v1/simulate" \
      >"$work/wrk.out"; } 2>"$work/wrk.time"
  after=$(cpu_ticks)
  tck=$(getconf CLK_TCK)
  requests=$(awk '/requests in/ {print $1}' "$work/wrk.out")
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
  errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk.out" | tr '\n' ' ' || true)
  wrk_cpu=$(awk -v n="$requests" '{printf "%.0f (noyau %.0f)", ($1 + $2) * 1e6 / n, $2 * 1e6 / n}' "$work/wrk.time")
  printf '%-44s %9s req/s   p99 %-9s CPU par requête : serveur %s µs, wrk %s µs %s\n' "$name" "$rps" "$p99" \
    "$(awk -v d=$((after - before)) -v t="$tck" -v n="$requests" 'BEGIN {printf "%.0f", d / t * 1e6 / n}')" "$wrk_cpu" "$errors"
}

# /healthz latency: 20 requests, one every 250 ms; prints median and max.
health_latency() {
  local samples=()
  for _ in $(seq 1 20); do
    samples+=("$(curl -s -o /dev/null -w '%{time_total}' --max-time 10 "$base/healthz" || echo 10)")
    sleep 0.25
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {printf "médiane %.1f ms, max %.1f ms", a[int((NR+1)/2)]*1000, a[NR]*1000}'
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$server_pid/status"; }

size=$(curl -s -X POST -H 'Content-Type: application/json' --data-binary @"$situation" "$base/api/v1/simulate" | wc -c)
size_gz=$(curl -s -X POST -H 'Content-Type: application/json' -H 'Accept-Encoding: gzip' --data-binary @"$situation" "$base/api/v1/simulate" | wc -c)
size_full=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["details"]=True; print(json.dumps(d))' "$situation" |
  curl -s -X POST -H 'Content-Type: application/json' --data-binary @- "$base/api/v1/simulate" | wc -c)

echo "capsante serve — $(nproc) cœurs, $connections connexions, ${duration} s par mesure"
echo "prêt en ${ready_ms} ms (lancement → première réponse de /healthz) ; RSS au repos $(rss_mb) Mio"
echo "réponse d'un médecin ($situation) : $size octets ($size_gz en gzip) ; avec \"details\": true : $size_full octets"
wrk -t"$wrk_threads" -c"$connections" -d2s -s "$work/distinct.lua" "$base" >/dev/null
run "situations toutes différentes, gzip" -s "$work/distinct.lua"
run "même situation, sans compression" -s "$work/same.lua"
run "plafond : fichier déjà compressé" -s "$work/file.lua"
run "plafond : /healthz" -s "$work/health.lua"

# Idle connections: opened and held by one Python process.
cat >"$work/hold.py" <<'PY'
import socket, sys, time
port, count, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
socks = []
for _ in range(count):
    s = socket.socket()
    s.setblocking(True)
    s.connect(("127.0.0.1", port))
    socks.append(s)
print("ready", flush=True)
request = b"POST /api/v1/simulate HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
i = 0
deadline = time.time() + 30
while time.time() < deadline:
    if mode == "slow":
        # One byte a second per client; a client the server cut reconnects.
        for k, s in enumerate(socks):
            try:
                s.send(request[i % len(request):i % len(request) + 1])
            except OSError:
                s.close()
                socks[k] = socket.create_connection(("127.0.0.1", port))
        i += 1
    time.sleep(1)
PY
python3 "$work/hold.py" "$port" "$idle" idle >"$work/hold.out" 2>&1 &
helper_pid=$!
for _ in $(seq 1 200); do grep -q ready "$work/hold.out" 2>/dev/null && break; sleep 0.1; done
printf '%-58s %s (RSS %s Mio)\n' "/healthz avec $idle connexions inactives" "$(health_latency)" "$(rss_mb)"
kill "$helper_pid" 2>/dev/null || true; wait "$helper_pid" 2>/dev/null || true; helper_pid=
python3 "$work/hold.py" "$port" "$slow" slow >"$work/hold.out" 2>&1 &
helper_pid=$!
for _ in $(seq 1 200); do grep -q ready "$work/hold.out" 2>/dev/null && break; sleep 0.1; done
sleep 2
printf '%-58s %s\n' "/healthz avec $slow clients envoyant un octet par seconde" "$(health_latency)"
kill "$helper_pid" 2>/dev/null || true; wait "$helper_pid" 2>/dev/null || true; helper_pid=

# Memory under load: RSS every 5 s over $soak s of distinct situations.
wrk -t"$wrk_threads" -c"$connections" -d"${soak}s" --timeout 5s -s "$work/distinct.lua" "$base" >"$work/soak.out" &
wrk_pid=$!
samples=()
for _ in $(seq 1 $((soak / 5))); do sleep 5; samples+=("$(rss_mb)"); done
wait "$wrk_pid" || true
echo "mémoire sous charge ($soak s, toutes les 5 s, Mio) : ${samples[*]} ; pic $(awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$server_pid/status") Mio ; $(awk '/Requests\/sec/ {print $2}' "$work/soak.out") req/s"
echo "journal d'accès : $(wc -l <"$work/access.log") lignes écrites"
t2=$(date +%s%N)
kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
echo "arrêt sur SIGTERM en $(( ($(date +%s%N) - t2) / 1000000 )) ms"
