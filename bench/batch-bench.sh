#!/usr/bin/env bash
# Report job benchmark (issues 6 and 21): 10,000 persons with 30 days of blood pressure readings
# (4 a day), then, in the same run, the monthly report job (all partitions, as scheduled) and the
# floor: the same statistics in the fastest SQL the benchmark can write for the engine, plus one
# batched insert of as many report rows (see BatchBench.floor). Prints persons per second, the job's
# time, the floor's time and their ratio (target: the job within 3x of the floor).
#
#   bench/batch-bench.sh [h2|mysql|postgresql] [persons=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
persons=${2:-10000}

out="$PWD/bench/target/batch-$db"
rm -rf "$out"
mkdir -p "$out"
server_dir=ear/target/liberty/wlp/usr/servers/leiming
export LEIMING_ADMIN_USERNAME=bench-admin LEIMING_ADMIN_PASSWORD=bench-admin-Secret-1
# No schedule starts a job in the middle of the measurement.
export LEIMING_BATCH_SCHEDULE_WEEKLY_REPORT=off LEIMING_BATCH_SCHEDULE_MONTHLY_REPORT=off LEIMING_BATCH_SCHEDULE_REMINDERS=off LEIMING_BATCH_SCHEDULE_RETENTION=off
case "$db" in
  h2)
    export LEIMING_DB=h2 LEIMING_DB_USER=sa LEIMING_DB_PASSWORD=
    # AUTO_SERVER lets the loader and the floor query open the same file while the server runs.
    export LEIMING_DB_URL="jdbc:h2:file:$out/db;AUTO_SERVER=TRUE"
    jdbc_url="$LEIMING_DB_URL"
    driver="$server_dir/lib/jdbc/h2.jar"
    ;;
  mysql)
    mysql -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS leiming_bench; CREATE DATABASE leiming_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    export LEIMING_DB=mysql LEIMING_DB_URL=jdbc:mariadb://127.0.0.1:3306/leiming_bench LEIMING_DB_USER=root LEIMING_DB_PASSWORD=
    jdbc_url="$LEIMING_DB_URL?rewriteBatchedStatements=true"
    driver="$server_dir/lib/jdbc/mariadb-java-client.jar"
    ;;
  postgresql)
    cluster=$(ls /etc/postgresql | head -n 1)
    pg_isready -h 127.0.0.1 -q || pg_ctlcluster --skip-systemctl-redirect "$cluster" main start
    for _ in $(seq 1 60); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS leiming_bench"
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE leiming_bench ENCODING 'UTF8'"
    export LEIMING_DB=postgresql LEIMING_DB_URL=jdbc:postgresql://127.0.0.1:5432/leiming_bench LEIMING_DB_USER=postgres LEIMING_DB_PASSWORD=
    jdbc_url="$LEIMING_DB_URL?reWriteBatchedInserts=true"
    driver="$server_dir/lib/jdbc/postgresql.jar"
    ;;
  *) echo "usage: batch-bench.sh [h2|mysql|postgresql] [persons]" >&2; exit 2 ;;
esac

# A broker without the events of an earlier run (their members are not in this run's database).
rm -rf ear/target/artemis-instance
./mvnw -B -Prun package >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -sf http://localhost:9081/health/ready >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "server did not start; see $out/server.log" >&2; exit 1; }
  sleep 1
done

# The month before this one, days 1-30.
first=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m-01)
last=$(date -u -d "$first +29 days" +%Y-%m-%d)
java -cp "$driver" bench/BatchBench.java load "$jdbc_url" "$LEIMING_DB_USER" "$LEIMING_DB_PASSWORD" "$persons" "$first" 30 \
  | tee "$out/load.txt"

api=http://localhost:9080/api/v1
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$LEIMING_ADMIN_USERNAME\",\"password\":\"$LEIMING_ADMIN_PASSWORD\"}" \
  "$api/admin/login" | sed -E 's/.*"token":"([^"]+)".*/\1/')
execution=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"period\":\"month\",\"date\":\"$first\"}" "$api/admin/jobs/health-report/start" \
  | sed -E 's/.*"executionId":([0-9]+).*/\1/')
while :; do
  summary=$(curl -sf -H "Authorization: Bearer $token" "$api/admin/jobs/executions/$execution")
  status=$(echo "$summary" | sed -E 's/.*"status":"([A-Z]+)".*/\1/')
  case "$status" in COMPLETED|FAILED|STOPPED|ABANDONED) break ;; esac
  sleep 1
done
echo "$summary" >"$out/summary.json"
[ "$status" = COMPLETED ] || { echo "the job ended $status; see $out/summary.json" >&2; exit 1; }

# The floor runs alone: the server (and the notifications its events still cause) stopped first, and
# H2 opened in this process, not through the server.
kill $server 2>/dev/null || true; wait $server 2>/dev/null || true
for _ in $(seq 1 60); do curl -s -o /dev/null http://localhost:9081/health/ready || break; sleep 1; done
if [ "$db" = h2 ]; then
  jdbc_url="jdbc:h2:file:$out/db;OPTIMIZE_REUSE_RESULTS=FALSE" # each of the best-of-three computes again
fi
java -cp "$driver" bench/BatchBench.java floor "$jdbc_url" "$LEIMING_DB_USER" "$LEIMING_DB_PASSWORD" "$db" "$first" "$last" \
  | tee "$out/floor.txt"

started=$(echo "$summary" | sed -E 's/.*"startedAt":"([^"]+)".*/\1/')
ended=$(echo "$summary" | sed -E 's/.*"endedAt":"([^"]+)".*/\1/')
stored=$(echo "$summary" | sed -E 's/.*"reportsStored":([0-9]+).*/\1/')
job_ms=$(( ($(date -d "$ended" +%s%N) - $(date -d "$started" +%s%N)) / 1000000 ))
floor_ms=$(awk '/^floor:/ {print $(NF-1)}' "$out/floor.txt")
echo "database: $db, $(nproc) cores, $persons persons x 120 readings"
awk -v j="$job_ms" -v f="$floor_ms" -v n="$stored" 'BEGIN {
  printf "report job: %d reports in %.1f s = %.0f persons/s\n", n, j / 1000, n / (j / 1000)
  printf "floor (the statistics in SQL + a batched insert of the reports): %.2f s\n", f / 1000
  printf "job / floor = %.1f (target <= 3)\n", j / f }'
