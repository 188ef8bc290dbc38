#!/usr/bin/env bash
# Load benchmark: generates a city-scale dataset (10 wijken, 5,000 residents, 5 years), serves it,
# and drives the signals list, a meeting's agenda, a peer's "mijn verzoeken" and the brigade
# coordinator's overview with wrk at 64 connections. First it measures the ceiling: a bare Beast
# server built the same way (bench/hello.cpp) serving a 300-byte page. Prints per page
# requests/s, p50/p99 latency, the share of the bare server's requests/s and the server's CPU time
# per request (from /proc), then a summary table, and the server's peak RSS.
# Usage: bench/run.sh [build-dir]   (env: WIJKEN RESIDENTS YEARS DURATION CONNECTIONS THREADS,
#        WARMUP (default 10s per page, not counted), SERVE_ARGS for extra server flags, e.g.
#        SERVE_ARGS="--session-cache 0")
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
WIJKEN=${WIJKEN:-10} RESIDENTS=${RESIDENTS:-5000} YEARS=${YEARS:-5}
DURATION=${DURATION:-20s} CONNECTIONS=${CONNECTIONS:-64} THREADS=${THREADS:-2}
work=$(mktemp -d)
port=18089
hello_port=18090
server=
hello=
trap 'kill $server $hello 2>/dev/null || true; rm -rf "$work"' EXIT

# The dataset is cached per schema version of its generator; bump the suffix when it changes.
data=bench/data/city-$WIJKEN-$RESIDENTS-$YEARS-centres1
if [ ! -f "$data.db" ]; then
  mkdir -p bench/data
  "$build/meedoen_generate" --db "$data.db" --key-file "$data.key" --wijken "$WIJKEN" --residents "$RESIDENTS" --years "$YEARS"
fi
[ -x "$build/meedoen_hello" ] || cmake --build "$build" --target meedoen_hello >/dev/null
cp "$data.db" "$work/city.db"
cp "$data.key" "$work/city.key"
chmod 600 "$work/city.key"
"$build/meedoen" serve --db "$work/city.db" --key-file "$work/city.key" --listen 127.0.0.1:$port --threads 2 ${SERVE_ARGS:-} >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:$port/healthz >/dev/null && break; sleep 0.1; done

# Logs in as $1 and prints the session cookie for wrk.
login() {
  local jar="$work/cookies.$1"
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" http://127.0.0.1:$port/login | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data "_csrf=$csrf&username=$1&password=bench-password" http://127.0.0.1:$port/login
  awk '$6 == "meedoen_session" {print $6"="$7}' "$jar"
}
chair=$(login bench.1.0)
peer=$(login bench.peer.1.0)
coordinator=$(login bench.coord.1)
meeting=$(curl -s -H "Cookie: $chair" http://127.0.0.1:$port/overleggen | grep -o 'href="/overleggen/[0-9]*"' | head -1 | grep -o '[0-9]*')

tck=$(getconf CLK_TCK)
# CPU time (user + system) of process $1 so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
summary=()

# Drives $url with wrk (a warm-up first, not counted: a fresh server is slower for its first ten
# seconds or so, while SQLite's page and statement caches and tcmalloc's per-thread caches fill;
# the figures are for a server that has been running, as in use). Sets rps, p50, p99, cpu_us.
# Further arguments go to wrk (a header, a script).
measure() {
  local pid=$1 cookie=$2 url=$3 out before after requests
  shift 3
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP:-10s}" -H "Cookie: $cookie" "$@" "$url" >/dev/null
  before=$(cpu_ticks "$pid")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" "$@" "$url")
  after=$(cpu_ticks "$pid")
  grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors" <<<"$out" || true
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  cpu_us=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$tck" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
}

"$build/meedoen_hello" $hello_port 2 &
hello=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:$hello_port/ >/dev/null && break; sleep 0.1; done
echo "== bare Beast server (the ceiling): GET /, $CONNECTIONS connections, $DURATION"
measure "$hello" "none=1" "http://127.0.0.1:$hello_port/"
hello_rps=$rps
echo "   server CPU per request: ${cpu_us} us"
summary+=("| bare Beast server | $(printf "%.0f" "$rps") | $p50 | $p99 | 100% | $cpu_us |")
kill $hello
hello=

# run NAME COOKIE PATH [STATUS [wrk arguments...]]: checks that PATH answers STATUS (200) to
# curl with the same arguments' headers, then measures it.
run() {
  local name=$1 cookie=$2 path=$3 status=${4:-200} share
  shift 3
  [ $# -gt 0 ] && shift
  echo "== $name: GET $path, $CONNECTIONS connections, $DURATION"
  local curl_headers=()
  local a
  for a in "$@"; do [ "$a" != -H ] && [[ "$a" != -s* ]] && curl_headers+=(-H "$a"); done
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "${curl_headers[@]}" "http://127.0.0.1:$port$path")" = "$status" ] ||
    { echo "   $path does not answer $status"; exit 1; }
  measure "$server" "$cookie" "http://127.0.0.1:$port$path" "$@"
  share=$(awk -v a="$rps" -v b="$hello_rps" 'BEGIN {printf "%.1f%%", 100 * a / b}')
  echo "   share of the bare server: $share; server CPU per request: ${cpu_us} us"
  summary+=("| $name | $(printf "%.0f" "$rps") | $p50 | $p99 | $share | $cpu_us |")
}
run "signals list" "$chair" "/signalen?wijk=1"
run "meeting agenda" "$chair" "/overleggen/$meeting"
run "mijn verzoeken (peer)" "$peer" "/verzoeken"
run "brigade overview (coordinator of 3 wijken)" "$coordinator" "/brigade"
# The Zelfregiecentrum: the public calendar and its iCal feed, in full and as a 304 to a client
# that has them (If-None-Match), and a host's tap (a POST with a new key each time,
# bench/tally.lua, which the server counts).
etag() { curl -s -D - -o /dev/null "http://127.0.0.1:$port$1" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r'; }
run "public calendar" "none=1" "/centra/1"
run "public calendar, 304" "none=1" "/centra/1" 304 -H "If-None-Match: $(etag /centra/1)"
run "iCal feed" "none=1" "/centra/1/activiteiten.ics"
run "iCal feed, 304" "none=1" "/centra/1/activiteiten.ics" 304 -H "If-None-Match: $(etag /centra/1/activiteiten.ics)"
host=$(login bench.host.1)
host_csrf=$(curl -s -H "Cookie: $host" http://127.0.0.1:$port/centrum/1 | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
taps_before=$(sqlite3 "$work/city.db" 'select count(*) from centre_taps')
echo "== host's tap: POST /centrum/1/tellen, $CONNECTIONS connections, $DURATION"
CSRF=$host_csrf measure "$server" "$host" "http://127.0.0.1:$port/centrum/1/tellen" -s bench/tally.lua
share=$(awk -v a="$rps" -v b="$hello_rps" 'BEGIN {printf "%.1f%%", 100 * a / b}')
echo "   share of the bare server: $share; server CPU per request: ${cpu_us} us"
echo "   taps counted: $(( $(sqlite3 "$work/city.db" 'select count(*) from centre_taps') - taps_before ))"
summary+=("| host's tap (POST) | $(printf "%.0f" "$rps") | $p50 | $p99 | $share | $cpu_us |")
echo "== server peak RSS: $(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/$server/status)"
echo
echo "| page | requests/s | p50 | p99 | share of bare server | server CPU per request (us) |"
echo "| --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${summary[@]}"
echo "== signals in dataset: $(sqlite3 "$work/city.db" 'select count(*) from signals') in $(sqlite3 "$work/city.db" 'select count(*) from meetings') meetings"
echo "== brigade: $(sqlite3 "$work/city.db" 'select count(*) from brigade_requests') requests, $(sqlite3 "$work/city.db" 'select count(*) from visits') visits, $(sqlite3 "$work/city.db" "select count(*) from brigade_requests where outcome not in ('closed','declined')") open"
