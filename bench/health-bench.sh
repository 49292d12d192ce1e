#!/usr/bin/env bash
# Health records benchmark (issues 3 and 15): one member with a year of blood pressure readings (4 a day)
# and many other members; then, in the same run and at 64 connections over loopback, the cost ladder
# from Liberty's own floor (/health/live) through each layer of an authenticated read to /users/me,
# the ingest and the 1-year trend, and the same trend as one raw SQL GROUP BY-day query over JDBC.
# Each rung is measured in every round; bench/ladder.py reports the median ratios to /health/live.
#
#   bench/health-bench.sh [h2|mysql|postgresql] [seconds per measurement=10] [rounds=3] [warm-up seconds per rung=30]
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
seconds=${2:-10}
rounds=${3:-3}
warmup=${4:-30}

if ! command -v wrk >/dev/null; then
  apt-get install -y -q wrk >/dev/null 2>&1 || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
fi

out="$PWD/bench/target/health-$db"
rm -rf "$out"
mkdir -p "$out"
server_dir=ear/target/liberty/wlp/usr/servers/leiming
export LEIMING_SMS_GATEWAY=http LEIMING_SMS_HTTP_URL=http://127.0.0.1:18089/sms/send
# The cost ladder's rungs (CostLadderResource) are off unless this says otherwise.
export LEIMING_BENCH_LADDER=true
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
  postgresql)
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS leiming_bench"
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE leiming_bench ENCODING 'UTF8'"
    export LEIMING_DB=postgresql LEIMING_DB_URL=jdbc:postgresql://127.0.0.1:5432/leiming_bench LEIMING_DB_USER=postgres LEIMING_DB_PASSWORD=
    driver="$server_dir/lib/jdbc/postgresql.jar"
    ;;
  *) echo "usage: health-bench.sh [h2|mysql|postgresql] [seconds] [rounds] [warm-up seconds]" >&2; exit 2 ;;
esac

# Deep stacks for a profile (Liberty's request path is deeper than JFR's default 64 frames).
[ -n "${BENCH_PROFILE:-}" ] && export JVM_ARGS="${JVM_ARGS:-} -XX:FlightRecorderOptions:stackdepth=512"
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

# The cost ladder: each rung adds one layer to the one before, all measured in the same run.
#   live    Liberty's /health/live (operations port): the floor
#   servlet a plain servlet of the application on the public port (its web container, nothing of ours)
#   anon    an anonymous JAX-RS request with no work (our filters, JAX-RS, JSON-B; no token)
#   noop    a member's authenticated request with no work (+ the token check, active account)
#   ejb     + an EJB call, no transaction
#   tx      + a transaction that touches nothing
#   find    + one em.find of the member's row
#   read    the same em.find without the transaction (how read-only services read)
#   me      GET /users/me (the same read, mapped to the profile, phone decrypted and masked)
#   quiet   POST /health/records with readings in the normal range (classify, roll up, audit; no alert)
#   ingest  POST /health/records, the benchmark's mix: most readings raise a risk alert (+ its event,
#           message, SMS caps and sometimes an SMS)
#   trend   GET /health/trends, 1 year of blood pressure (ownership check, audited read)
names=(live servlet anon noop ejb tx find read me quiet ingest trend)
declare -A url=([live]="$ops/health/live" [servlet]="$api/bench/servlet" [anon]="$api/api/v1/bench/ladder/anon"
  [noop]="$api/api/v1/bench/ladder/noop" [ejb]="$api/api/v1/bench/ladder/ejb"
  [tx]="$api/api/v1/bench/ladder/tx" [find]="$api/api/v1/bench/ladder/find" [read]="$api/api/v1/bench/ladder/read" [me]="$api/api/v1/users/me"
  [quiet]="$api/api/v1/health/records" [ingest]="$api/api/v1/health/records" [trend]="$api/api/v1/health/trends?type=blood_pressure&period=1y")
declare -A script=([live]="" [servlet]="" [anon]=anon.lua [noop]=trend.lua [ejb]=trend.lua [tx]=trend.lua [find]=trend.lua [read]=trend.lua [me]=trend.lua
  [quiet]="ingest.lua quiet" [ingest]=ingest.lua [trend]=trend.lua)
hit() { # $1 rung, $2 connections, $3 seconds, $4 output file
  local s=() a=() file="" arg=""; [ -n "${script[$1]}" ] && read -r file arg <<<"${script[$1]}" && s=(-s "bench/$file")
  [ -n "$arg" ] && a=(-- "$arg")
  wrk -t2 -c"$2" -d"$3s" --latency "${s[@]}" "${url[$1]}" "${a[@]}" >"$4"
}

# BENCH_PROFILE=<rung>: warm that rung up, record a JFR CPU profile of the server while it runs at 64
# connections, print where the time went (bench/jfr-top.py) and stop; nothing is measured.
if [ -n "${BENCH_PROFILE:-}" ]; then
  name=$BENCH_PROFILE
  hit "$name" 8 "$warmup" /dev/null
  pid=$(jcmd -l | awk '/ws-server.jar/ {print $1}')
  jcmd "$pid" JFR.start name=bench settings=profile >/dev/null
  hit "$name" 64 "$seconds" "$out/profile-$name.txt"
  jcmd "$pid" JFR.dump name=bench filename="$out/profile-$name.jfr" >/dev/null
  jcmd "$pid" JFR.stop name=bench >/dev/null
  jfr print --stack-depth 512 --events jdk.ExecutionSample "$out/profile-$name.jfr" >"$out/profile-$name.samples"
  grep -E "Requests/sec" "$out/profile-$name.txt"
  python3 bench/jfr-top.py "$out/profile-$name.samples" 40 "${BENCH_PROFILE_FILTER:-}"
  exit 0
fi

# Warm-up, not measured: first at 8 connections (leaving the JIT's compiler a core), then at 64.
for name in "${names[@]}"; do hit "$name" 8 "$warmup" /dev/null; done
for name in "${names[@]}"; do hit "$name" 64 5 /dev/null; done

for round in $(seq 1 "$rounds"); do
  for name in "${names[@]}"; do hit "$name" 64 "$seconds" "$out/$round-$name.txt"; done
  java -cp "$driver" bench/HealthBench.java sql "$LEIMING_DB_URL" "$LEIMING_DB_USER" "$LEIMING_DB_PASSWORD" \
    "$(cat "$out/main-person")" 64 "$seconds" >"$out/$round-sql.txt"
done

echo "database: $db, 64 connections, $rounds rounds of ${seconds} s per rung, ${warmup} s warm-up per rung at 8 connections;" \
  "$(nproc) cores, client and server on this machine; $(date -u +%F)"
python3 bench/ladder.py "$out" "$rounds" "${names[@]}" | tee "$out/summary.txt"
