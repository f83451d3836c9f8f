#!/usr/bin/env bash
# Broker start-up and idle footprint (docs/benchmarks.md, "Send path on the network thread"): starts a Mercury
# NameServer, then times `sh bin/mqbroker` (its default 1 GiB heap) from exec to its port listening and to
# "boot success", and reads its RSS IDLE seconds later; RUNS times. Build first: mvn -DskipTests package.
#   RUNS [3]  IDLE [10] s  NS_PORT [29876]  BROKER_PORT [29911]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${RUNS:-3}"; IDLE="${IDLE:-10}"; NS_PORT="${NS_PORT:-29876}"; BROKER_PORT="${BROKER_PORT:-29911}"
WORK="${WORK:-/tmp/mercury-start-bench}"
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
for r in $(seq "$RUNS"); do
  rm -rf "$WORK"; mkdir -p "$WORK"
  printf 'listenPort=%s\nbindAddress=127.0.0.1\nkvConfigPath=%s/kv.json\nconfigStorePath=%s/ns.properties\n' \
    "$NS_PORT" "$WORK" "$WORK" > "$WORK/ns.conf"
  printf 'brokerClusterName=DefaultCluster\nbrokerName=broker-a\nnamesrvAddr=127.0.0.1:%s\nbrokerIP1=127.0.0.1\nbindAddress=127.0.0.1\nlistenPort=%s\nstorePathRootDir=%s/store\n' \
    "$NS_PORT" "$BROKER_PORT" "$WORK" > "$WORK/broker.conf"
  export MERCURY_LOG_DIR="$WORK/logs" MERCURY_PID_DIR="$WORK/run"
  trap 'sh "$ROOT/bin/mqshutdown" broker > /dev/null 2>&1; sh "$ROOT/bin/mqshutdown" namesrv > /dev/null 2>&1' EXIT
  sh "$ROOT/bin/mqnamesrv" -c "$WORK/ns.conf" > "$WORK/ns.out" 2>&1 &
  until grep -q "boot success" "$WORK/ns.out"; do sleep 0.05; done
  start=$(date +%s%N)
  sh "$ROOT/bin/mqbroker" -c "$WORK/broker.conf" > "$WORK/broker.out" 2>&1 &
  br=$!
  port=""
  until grep -q "boot success" "$WORK/broker.out"; do
    if [ -z "$port" ] && ss -ltnH "sport = :$BROKER_PORT" | grep -q .; then port=$(ms_since "$start"); fi
    kill -0 $br
    sleep 0.01
  done
  boot=$(ms_since "$start")
  sleep "$IDLE"
  echo "run $r: port listening ${port:-$boot} ms, boot success $boot ms, idle RSS $(awk '/^VmRSS:/{print int($2/1024)}' /proc/$br/status) MiB"
  sh "$ROOT/bin/mqshutdown" broker > /dev/null; sh "$ROOT/bin/mqshutdown" namesrv > /dev/null
  trap - EXIT
done
