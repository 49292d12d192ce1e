#!/usr/bin/env bash
# Builds and starts the server with its broker (the run profile, SMS through the benchmark's fake
# gateway), runs bench/ApiBench.java against it, and stops everything. Arguments go to ApiBench:
#   bench/run.sh [members=200] [concurrency=8] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/target

export LEIMING_SMS_GATEWAY=http
export LEIMING_SMS_HTTP_URL=http://127.0.0.1:18089/sms/send
export LEIMING_HTTP_TRUSTED_PROXIES=127.0.0.1,::1 LEIMING_RATE_LIMIT_SMS_CODE_PER_MINUTE=100000 LEIMING_RATE_LIMIT_LOGIN_PER_MINUTE=100000 LEIMING_SMS_CODES_PER_ADDRESS_PER_HOUR=100000 LEIMING_SMS_CODES_PER_MINUTE=100000

./mvnw -B -Prun package >bench/target/server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT

for _ in $(seq 1 600); do
  curl -sf http://localhost:9081/health/ready >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "server did not start; see bench/target/server.log" >&2; exit 1; }
  sleep 1
done
curl -sf http://localhost:9081/health/ready >/dev/null || { echo "server not ready; see bench/target/server.log" >&2; exit 1; }

java bench/ApiBench.java http://localhost:9080 "${1:-200}" "${2:-8}" "${3:-20}"
