#!/usr/bin/env bash
# Health records benchmark (issue 3): one member with a year of blood pressure readings (4 a day) and
# many other members, then, in the same run and at 64 connections over loopback:
#   1. Liberty's own floor: GET /health/live
#   2. authenticated ingest: POST /api/v1/health/records
#   3. the 1-year trend: GET /api/v1/health/trends?type=blood_pressure&period=1y
#   4. the same trend as one raw SQL GROUP BY-day query over JDBC (the floor the API is compared with)
#
#   bench/health-bench.sh [h2|mysql] [seconds=15]
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
seconds=${2:-15}

if ! command -v wrk >/dev/null; then
  apt-get install -y -q wrk >/dev/null 2>&1 || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
fi

out="$PWD/bench/target/health-$db"
rm -rf "$out"
mkdir -p "$out"
server_dir=ear/target/liberty/wlp/usr/servers/leiming
export LEIMING_SMS_GATEWAY=http LEIMING_SMS_HTTP_URL=http://127.0.0.1:18089/sms/send
export LEIMING_HTTP_TRUSTED_PROXIES=127.0.0.1,::1 LEIMING_RATE_LIMIT_SMS_CODE_PER_MINUTE=100000 LEIMING_RATE_LIMIT_LOGIN_PER_MINUTE=100000 LEIMING_SMS_CODES_PER_ADDRESS_PER_HOUR=100000 LEIMING_SMS_CODES_PER_MINUTE=100000 LEIMING_SMS_MIN_INTERVAL=PT1S
case "$db" in
  h2)
    export LEIMING_DB=h2 LEIMING_DB_USER=sa LEIMING_DB_PASSWORD=
    # AUTO_SERVER lets the JDBC floor measurement open the same file while the server runs.
    export LEIMING_DB_URL="jdbc:h2:file:$out/db;AUTO_SERVER=TRUE"
    driver="$server_dir/lib/jdbc/h2.jar"
    ;;
  mysql)
    mysql -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS leiming_bench; CREATE DATABASE leiming_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    export LEIMING_DB=mysql LEIMING_DB_URL=jdbc:mariadb://127.0.0.1:3306/leiming_bench LEIMING_DB_USER=root LEIMING_DB_PASSWORD=
    driver="$server_dir/lib/jdbc/mariadb-java-client.jar"
    ;;
  *) echo "usage: health-bench.sh [h2|mysql] [seconds]" >&2; exit 2 ;;
esac

./mvnw -B -Prun package >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf http://localhost:9081/health/ready >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "server did not start; see $out/server.log" >&2; exit 1; }
  sleep 1
done

java bench/HealthBench.java load http://localhost:9080 "$out" 100 40
# The SMS gateway stays up for the measured phases: the alerts the readings raise are sent once.
java bench/HealthBench.java sms-sink &
sink=$!
trap 'kill $sink 2>/dev/null; kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
export BENCH_TOKENS="$out/tokens" BENCH_MAIN_TOKEN="$(cat "$out/main-token")"
api=http://localhost:9080
ops=http://localhost:9081   # Liberty's own endpoints answer on the operations port

# Warm-up, not measured: every measured request at full concurrency for 10 s, so that the JIT has
# compiled their paths (a 5 s warm-up left the trend some 40 % below its steady rate).
wrk -t2 -c64 -d10s "$ops/health/live" >/dev/null
wrk -t2 -c64 -d10s -s bench/trend.lua "$api/api/v1/users/me" >/dev/null
wrk -t2 -c64 -d10s -s bench/ingest.lua "$api/api/v1/health/records" >/dev/null
wrk -t2 -c64 -d10s -s bench/trend.lua "$api/api/v1/health/trends?type=blood_pressure&period=1y" >/dev/null

wrk -t2 -c64 -d"${seconds}s" --latency "$ops/health/live" >"$out/live.txt"
# An authenticated read of one row (JWT, rate limit, JAX-RS, one query, no audit): the floor of any
# authenticated request of ours, so that the cost of the health work can be told from the platform's.
wrk -t2 -c64 -d"${seconds}s" --latency -s bench/trend.lua "$api/api/v1/users/me" >"$out/me.txt"
wrk -t2 -c64 -d"${seconds}s" --latency -s bench/ingest.lua "$api/api/v1/health/records" >"$out/ingest.txt"
wrk -t2 -c64 -d"${seconds}s" --latency -s bench/trend.lua \
  "$api/api/v1/health/trends?type=blood_pressure&period=1y" >"$out/trend.txt"
java -cp "$driver" bench/HealthBench.java sql "$LEIMING_DB_URL" "$LEIMING_DB_USER" "$LEIMING_DB_PASSWORD" \
  "$(cat "$out/main-person")" 64 "$seconds" >"$out/sql.txt"

rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
errors() { awk '/Non-2xx/ {print $5}' "$1"; }
live=$(rate "$out/live.txt"); me=$(rate "$out/me.txt"); ingest=$(rate "$out/ingest.txt"); trend=$(rate "$out/trend.txt")
sql=$(awk '/queries\/s/ {print $7}' "$out/sql.txt")
echo "database: $db, 64 connections, ${seconds} s each, $(nproc) cores (client and server on this machine)"
printf '%-28s %10s req/s  p50 %-9s p99 %-9s non-2xx %s\n' "/health/live (floor)" "$live" \
  "$(pct "$out/live.txt" 50%)" "$(pct "$out/live.txt" 99%)" "$(errors "$out/live.txt")"
printf '%-28s %10s req/s  p50 %-9s p99 %-9s non-2xx %s\n' "GET /users/me (auth floor)" "$me" \
  "$(pct "$out/me.txt" 50%)" "$(pct "$out/me.txt" 99%)" "$(errors "$out/me.txt")"
printf '%-28s %10s req/s  p50 %-9s p99 %-9s non-2xx %s\n' "ingest POST /health/records" "$ingest" \
  "$(pct "$out/ingest.txt" 50%)" "$(pct "$out/ingest.txt" 99%)" "$(errors "$out/ingest.txt")"
printf '%-28s %10s req/s  p50 %-9s p99 %-9s non-2xx %s\n' "1-year trend GET /trends" "$trend" \
  "$(pct "$out/trend.txt" 50%)" "$(pct "$out/trend.txt" 99%)" "$(errors "$out/trend.txt")"
cat "$out/sql.txt"
awk -v i="$ingest" -v l="$live" -v m="$me" -v t="$trend" -v s="$sql" \
  'BEGIN { printf "ingest / live = %.2f (target >= 0.5); ingest / users-me = %.2f; trend / raw SQL = %.2f (target >= 2)\n", i / l, i / m, t / s }'
