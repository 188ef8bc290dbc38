#!/usr/bin/env bash
# The signals list and a meeting's agenda on SQLite (one server), on PostgreSQL with one server,
# and on PostgreSQL with two servers sharing the load, on the same city-scale dataset as
# bench/run.sh (copied into PostgreSQL with `meedoen migrate-store`). PostgreSQL is a throwaway
# cluster on a Unix socket (scripts/pg_test_cluster; fsync off, which the read-only pages here
# do not notice). Everything shares the machine's cores: the servers, PostgreSQL and wrk.
# Usage: bench/postgres.sh [build-dir]   (env: DURATION CONNECTIONS WARMUP, as bench/run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
WIJKEN=${WIJKEN:-10} RESIDENTS=${RESIDENTS:-5000} YEARS=${YEARS:-5}
DURATION=${DURATION:-20s} CONNECTIONS=${CONNECTIONS:-64} WARMUP=${WARMUP:-10s}
work=$(mktemp -d)
pg=/tmp/meedoen-bench-pg-$$
servers=()
cleanup() {
  for s in "${servers[@]}"; do kill "$s" 2>/dev/null || true; done
  scripts/pg_test_cluster stop "$pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

data=bench/data/city-$WIJKEN-$RESIDENTS-$YEARS-brigade3
if [ ! -f "$data.db" ]; then
  mkdir -p bench/data
  "$build/meedoen_generate" --db "$data.db" --key-file "$data.key" --wijken "$WIJKEN" --residents "$RESIDENTS" --years "$YEARS"
fi
cp "$data.db" "$work/city.db"
cp "$data.key" "$work/city.key"
chmod 600 "$work/city.key"
scripts/pg_test_cluster start "$pg" >/dev/null
createdb -h "$pg" -U meedoen bench
url="postgresql://meedoen@/bench?host=$pg"
"$build/meedoen" migrate-store --from "$work/city.db" --to "$url" --key-file "$work/city.key" >/dev/null

# Starts a server on port $2 for database $1; waits for /healthz.
start() {
  "$build/meedoen" serve --db "$1" --key-file "$work/city.key" --listen "127.0.0.1:$2" --threads 2 \
    >"$work/server-$2.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return; sleep 0.1; done
  echo "server on $2 did not start" >&2
  exit 1
}
login() {
  local jar="$work/cookies.$1.$2" csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$1/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data "_csrf=$csrf&username=$2&password=bench-password" "http://127.0.0.1:$1/login"
  awk '$6 == "meedoen_session" {print $6"="$7}' "$jar"
}
stop_all() {
  for s in "${servers[@]}"; do kill "$s" 2>/dev/null || true; wait "$s" 2>/dev/null || true; done
  servers=()
}

# Drives $path on each of the ports in $3.. with wrk, the connections split between them, at the
# same time; prints the summed requests/s and the worst p50 and p99.
drive() {
  local cookie=$1 path=$2
  shift 2
  local n=$# c=$((CONNECTIONS / $#)) outs=() i=0
  for p in "$@"; do wrk -t1 -c"$c" -d"$WARMUP" -H "Cookie: $cookie" "http://127.0.0.1:$p$path" >/dev/null & done
  wait
  for p in "$@"; do
    wrk -t1 -c"$c" -d"$DURATION" --latency -H "Cookie: $cookie" "http://127.0.0.1:$p$path" >"$work/wrk.$i" &
    i=$((i + 1))
  done
  wait
  cat "$work"/wrk.* | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps += $2 }
    $1 == "50%" { if (ms($2) > p50) p50 = ms($2) }
    $1 == "99%" { if (ms($2) > p99) p99 = ms($2) }
    /Non-2xx/ { bad += $NF }
    END { printf "%.0f|%.2fms|%.2fms|%d\n", rps, p50, p99, bad }'
  rm -f "$work"/wrk.*
}

rows=()
bench() {
  local label=$1 db=$2
  shift 2
  for p in "$@"; do start "$db" "$p"; done
  local chair meeting r
  chair=$(login "$1" bench.1.0)
  meeting=$(curl -s -H "Cookie: $chair" "http://127.0.0.1:$1/overleggen" | grep -o 'href="/overleggen/[0-9]*"' | head -1 | grep -o '[0-9]*')
  for page in "signals list|/signalen?wijk=1" "meeting agenda|/overleggen/$meeting"; do
    r=$(drive "$chair" "${page#*|}" "$@")
    IFS='|' read -r rps p50 p99 bad <<<"$r"
    echo "== $label, ${page%%|*}: $rps requests/s, p50 $p50, p99 $p99, non-2xx $bad"
    rows+=("| ${page%%|*} | $label | $rps | $p50 | $p99 |")
  done
  stop_all
}
bench "SQLite, 1 server" "$work/city.db" 18091
bench "PostgreSQL, 1 server" "$url" 18092
bench "PostgreSQL, 2 servers" "$url" 18093 18094
echo
echo "| page | store | requests/s | p50 | p99 |"
echo "| --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}" | sort -s -t'|' -k2,2
