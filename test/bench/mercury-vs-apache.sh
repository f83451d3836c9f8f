#!/usr/bin/env bash
# Side-by-side end-to-end benchmark: Apache RocketMQ 4.9.7 and Mercury, each as one NameServer
# (127.0.0.1:9876) + one Broker (127.0.0.1:10911, ASYNC_FLUSH, 1 GiB heap), driven in turn by the
# official benchmark tools through ../shared/bench/bench.sh. Alternates ROUNDS times; results in
# /tmp/anchor-bench/<label>-<time>/ and a table from compare.sh on stdout.
#   ROUNDS [1] plus every bench.sh knob (DURATION, THREADS, REPEAT, SIZE, ...)
#   FLUSH [ASYNC_FLUSH]: Mercury's flushDiskType; Apache's comes from start-apache.sh, which writes
#   ASYNC_FLUSH: for SYNC_FLUSH point SHARED at a copy whose broker.conf line reads the same FLUSH
#   (docs/benchmarks.md "SYNC_FLUSH")
#   MERCURY_CONFS ["mercury:"]: the Mercury variants each round runs after Apache, space-separated
#   LABEL:key=value,key=value entries whose pairs are appended to its broker.conf, e.g.
#   "mercury-heap:transferMsgByHeap=true mercury-zc:transferMsgByHeap=false" (labels must start with mercury)
# Run from a built tree (mvn -DskipTests package). Uses loopback only.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared/bench}"
ROUNDS="${ROUNDS:-1}"
WORK=/tmp/mercury-bench
PIDS=/tmp/mercury-pids
# shellcheck source=mercury-pair.sh
source "$HERE/mercury-pair.sh"

start_mercury() {
  rm -rf "$WORK"; mkdir -p "$WORK/logs"
  cat > "$WORK/namesrv.conf" <<CONF
listenPort=9876
bindAddress=127.0.0.1
kvConfigPath=$WORK/namesrv/kvConfig.json
configStorePath=$WORK/namesrv/namesrv.properties
CONF
  bench_broker_conf "$WORK/broker.conf" 9876 10911 "$WORK/store" "${FLUSH:-ASYNC_FLUSH}" broker-a
  printf '%s\n' "${1//,/$'\n'}" | grep = >> "$WORK/broker.conf" || true
  export MERCURY_LOG_DIR="$WORK/logs" MERCURY_PID_DIR="$WORK/run"
  JAVA_OPT="-Xms256m -Xmx256m" nohup sh "$ROOT/bin/mqnamesrv" -c "$WORK/namesrv.conf" > "$WORK/namesrv.out" 2>&1 &
  local ns=$!
  until grep -q "boot success" "$WORK/namesrv.out"; do kill -0 $ns || { cat "$WORK/namesrv.out"; exit 1; }; sleep 0.1; done
  JAVA_OPT="-Xms1g -Xmx1g" nohup sh "$ROOT/bin/mqbroker" -c "$WORK/broker.conf" > "$WORK/broker.out" 2>&1 &
  local br=$!
  until grep -q "boot success" "$WORK/broker.out"; do kill -0 $br || { cat "$WORK/broker.out"; exit 1; }; sleep 0.1; done
  printf 'namesrv %s\nbroker %s\n' $ns $br > "$PIDS"
}

stop_mercury() {
  MERCURY_PID_DIR="$WORK/run" sh "$ROOT/bin/mqshutdown" broker
  MERCURY_PID_DIR="$WORK/run" sh "$ROOT/bin/mqshutdown" namesrv
}

runs=()
for r in $(seq "$ROUNDS"); do
  "$SHARED/start-apache.sh" > /tmp/apache-start.log
  OUT=/tmp/results-apache-$r.md "$SHARED/bench.sh" 127.0.0.1:9876 apache || true
  "$SHARED/stop-apache.sh" > /dev/null
  runs+=("$(ls -td /tmp/anchor-bench/apache-* | head -n 1)")

  for variant in ${MERCURY_CONFS:-mercury:}; do
    label="${variant%%:*}"
    start_mercury "${variant#*:}"
    PIDFILE="$PIDS" STORE_DIR="$WORK/store" OUT=/tmp/results-$label-$r.md "$SHARED/bench.sh" 127.0.0.1:9876 "$label" || true
    stop_mercury
    runs+=("$(ls -td /tmp/anchor-bench/"$label"-* | head -n 1)")
  done
done
"$SHARED/compare.sh" "${runs[@]}"
