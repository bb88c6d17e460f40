#!/usr/bin/env bash
# Load test of `capsante serve` (a benchmark, not a test): starts the server on
# a free loopback port, measures the time from start to ready, loads
# POST /api/v1/simulate with wrk at 64 connections, reports requests per
# second, p99 latency and memory (RSS), then stops the server. Bounded: about
# 40 s. The access log stays on (written to a file) as in production.
#
# Usage: bash scripts/bench-server.sh [SITUATION.json]   (after the build)
# Env:   CAPSANTE_BIN (default build/apps/cli/capsante), DURATION (s, default 10),
#        CONNECTIONS (default 64), THREADS (wrk threads, default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CAPSANTE_BIN:-build/apps/cli/capsante}
situation=${1:-examples/medecin-chateauroux-2026.json}
duration=${DURATION:-10}
connections=${CONNECTIONS:-64}
wrk_threads=${THREADS:-2}
command -v wrk >/dev/null || { echo "wrk manquant (apt-get install wrk)"; exit 1; }
[ -x "$bin" ] || { echo "binaire introuvable : $bin (construisez d'abord)"; exit 1; }

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A free port: ask the kernel.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
t0=$(date +%s%N)
"$bin" serve --host 127.0.0.1 --port "$port" >"$work/stdout" 2>"$work/access.log" &
server_pid=$!
for _ in $(seq 1 400); do
  if curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; then break; fi
  sleep 0.005
done
t1=$(date +%s%N)
curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "le serveur ne répond pas"; cat "$work/stdout" "$work/access.log"; exit 1; }
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
# Every request a different situation (yearly fees change): nothing comes from the result cache.
cat >"$work/distinct.lua" <<LUA
dofile("$work/body.lua")
local n = 0
local id = 0
local threads = {}
function setup(thread) id = id + 1; thread:set("tid", id) end
function init(args) n = tid * 1000000 end
function request()
  n = n + 1
  local body = BODY:sub(1, -2) .. ',"honoraires_annuels_zone":' .. n .. '}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Accept-Encoding"] = "gzip"}, body)
end
LUA

run() {  # name, wrk args...
  local name=$1; shift
  local out
  out=$(wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --timeout 5s --latency "$@" "http://127.0.0.1:$port/api/v1/simulate")
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
  printf '%-52s %12s req/s   p99 %-9s %s\n' "$name" "$rps" "$p99" "$errors"
}

echo "capsante serve — $(nproc) cœurs, $connections connexions, ${duration} s par mesure, situation $situation"
echo "prêt en ${ready_ms} ms (lancement → première réponse de /healthz)"
wrk -t"$wrk_threads" -c"$connections" -d2s -H 'Accept-Encoding: gzip' -s "$work/same.lua" "http://127.0.0.1:$port/api/v1/simulate" >/dev/null
run "même situation, Accept-Encoding: gzip (navigateur)" -H 'Accept-Encoding: gzip, deflate, br' -s "$work/same.lua"
run "même situation, sans compression" -s "$work/same.lua"
run "situations toutes différentes (sans cache), gzip" -s "$work/distinct.lua"
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
echo "mémoire : RSS $((rss_kb / 1024)) Mio (pic $((hwm_kb / 1024)) Mio)"
echo "journal d'accès : $(wc -l <"$work/access.log") lignes écrites pendant la mesure"
kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
