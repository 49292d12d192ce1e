#!/usr/bin/env bash
# Runs the local ActiveMQ Artemis broker that development and the tests use.
#
#   broker.sh start <artemis-home> <instance-dir>   create the instance if needed, start it in the background
#   broker.sh run   <artemis-home> <instance-dir>   create the instance if needed, run it in the foreground
#   broker.sh stop  <artemis-home> <instance-dir>   stop the background broker (no error if it is not running)
#
# Port and credentials follow the same environment variables the server reads, so the two agree:
# LEIMING_ARTEMIS_PORT (61616), LEIMING_ARTEMIS_USER (leiming), LEIMING_ARTEMIS_PASSWORD (development default).
set -euo pipefail

command=${1:?command}
home=${2:?artemis home}
instance=${3:?instance directory}
port=${LEIMING_ARTEMIS_PORT:-61616}
user=${LEIMING_ARTEMIS_USER:-leiming}
password=${LEIMING_ARTEMIS_PASSWORD:-leiming-dev-only}
pidfile="$instance/broker.pid"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

create_instance() {
  if [ ! -x "$instance/bin/artemis" ]; then
    chmod +x "$home/bin/artemis"
    # Only the core acceptor: the machines also run RabbitMQ (AMQP) and Mosquitto (MQTT).
    "$home/bin/artemis" create "$instance" --silent --force --nio --require-login \
      --user "$user" --password "$password" --host 127.0.0.1 --default-port "$port" --no-web \
      --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor >/dev/null
  fi
}

check_port_free() {
  if port_open; then
    echo "broker.sh: port $port is already in use; stop what listens there or set LEIMING_ARTEMIS_PORT" >&2
    exit 1
  fi
}

case "$command" in
  start)
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "broker.sh: broker already running (pid $(cat "$pidfile"))"
      exit 0
    fi
    check_port_free
    create_instance
    mkdir -p "$instance/log"
    nohup "$instance/bin/artemis" run >>"$instance/log/console.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 120); do
      if port_open; then echo "broker.sh: broker up on 127.0.0.1:$port (pid $(cat "$pidfile"))"; exit 0; fi
      if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        echo "broker.sh: broker exited during start; see $instance/log/console.log" >&2; exit 1
      fi
      sleep 0.5
    done
    echo "broker.sh: broker did not open port $port within 60 s" >&2
    exit 1
    ;;
  run)
    check_port_free
    create_instance
    exec "$instance/bin/artemis" run
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
      fi
      rm -f "$pidfile"
      echo "broker.sh: broker stopped"
    fi
    ;;
  *)
    echo "usage: broker.sh start|run|stop <artemis-home> <instance-dir>" >&2
    exit 2
    ;;
esac
