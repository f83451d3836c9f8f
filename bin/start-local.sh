#!/bin/sh
# Starts a local cluster in the background: one NameServer on 127.0.0.1:9876 and, when the
# installation has a broker, one Broker on the defaults (conf/broker.conf), and when it has the console,
# the web console on http://127.0.0.1:8080/ (a console that cannot start, e.g. port 8080 taken, is reported
# and the cluster stays up). Daemon stdout goes to $MERCURY_LOG_DIR/{namesrv,broker,console}.out; stop with
# sh bin/stop-local.sh.
set -e
BIN=$(cd "$(dirname "$0")" && pwd)
. "$BIN/env.sh"
mkdir -p "$MERCURY_LOG_DIR"

wait_boot() { # name pid -- waits for the daemon's boot-success line
  i=0
  while ! grep -q "boot success" "$MERCURY_LOG_DIR/$1.out" 2>/dev/null; do
    if ! kill -0 "$2" 2>/dev/null; then
      echo "$1 exited during start-up:" >&2; tail -n 20 "$MERCURY_LOG_DIR/$1.out" >&2; exit 1
    fi
    i=$((i + 1))
    if [ $i -gt 600 ]; then echo "$1 not up after 60 s; see $MERCURY_LOG_DIR/$1.out" >&2; exit 1; fi
    sleep 0.1
  done
  grep "boot success" "$MERCURY_LOG_DIR/$1.out"
}

nohup sh "$BIN/mqnamesrv" > "$MERCURY_LOG_DIR/namesrv.out" 2>&1 &
wait_boot namesrv $!
echo "NameServer: 127.0.0.1:9876  log: $MERCURY_LOG_DIR/namesrv.log"

# Zip entry names are stored uncompressed, so grep finds the class in the jar.
if grep -qs "org/mercurymq/broker/BrokerStartup" "$MERCURY_LIB"/mercury-broker-*.jar; then
  nohup sh "$BIN/mqbroker" -n 127.0.0.1:9876 -c "$MERCURY_HOME/conf/broker.conf" > "$MERCURY_LOG_DIR/broker.out" 2>&1 &
  wait_boot broker $!
  echo "Broker: 127.0.0.1:10911  log: $MERCURY_LOG_DIR/broker.log"
fi
if grep -qs "org/mercurymq/console/ConsoleStartup" "$MERCURY_LIB"/mercury-console-*.jar; then
  nohup sh "$BIN/mqconsole" -n 127.0.0.1:9876 > "$MERCURY_LOG_DIR/console.out" 2>&1 &
  pid=$!
  i=0
  while ! grep -q "console ready at" "$MERCURY_LOG_DIR/console.out" 2>/dev/null && kill -0 "$pid" 2>/dev/null \
      && [ $i -lt 300 ]; do
    i=$((i + 1)); sleep 0.1
  done
  if grep -q "console ready at" "$MERCURY_LOG_DIR/console.out" 2>/dev/null; then
    echo "Console: http://127.0.0.1:8080/  log: $MERCURY_LOG_DIR/console.log"
  else
    echo "Console did not start (the cluster is up; start it by hand: sh bin/mqconsole -p <port>):" >&2
    tail -n 5 "$MERCURY_LOG_DIR/console.out" >&2
  fi
fi
echo "Stop with: sh bin/stop-local.sh"
