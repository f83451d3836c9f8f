#!/usr/bin/env bash
# Console start-up and idle footprint beside rocketmq-dashboard's runtime stack (docs/benchmarks.md).
# rocketmq-dashboard itself cannot be built here (not on Maven Central); test/bench/dashboard-stack-baseline is
# a Spring Boot 2.2.2 application with the dependencies of rocketmq-dashboard 2.0.0's pom (starter-web,
# actuator, spring-data-commons, rocketmq-tools, guava, aspectj) and one admin call: what the dashboard pays
# before any of its own pages, so its numbers are a lower bound for the dashboard's.
# Starts one Mercury NameServer and Broker, then ROUNDS times, alternating: `sh bin/mqconsole` and
# `java -jar` of the baseline, both with the console's heap flags (-Xms128m -Xmx512m, G1). Per run: ms from
# launch to the first 200 for GET /, ms to the first 200 of a page that needs the cluster (/api/cluster;
# /cluster), and RSS (ps) IDLE seconds after that with no requests. Prints the medians.
#   ROUNDS [3]  IDLE [10] s  NS_PORT [29876]  BROKER_PORT [29911]  PORT [28080]
#   Build first: mvn -DskipTests package (Mercury) and mvn -f test/bench/dashboard-stack-baseline package
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"; IDLE="${IDLE:-10}"
NS_PORT="${NS_PORT:-29876}"; BROKER_PORT="${BROKER_PORT:-29911}"; PORT="${PORT:-28080}"
CP="${CP:-$(ls -d "$ROOT"/distribution/target/mercury-*/mercury-*/lib 2>/dev/null | head -n 1)/*}"
JAR="${JAR:-$HERE/dashboard-stack-baseline/target/dashboard-stack-baseline-1.jar}"
[ -f "$JAR" ] || { echo "build the baseline first: mvn -f $HERE/dashboard-stack-baseline/pom.xml package" >&2; exit 1; }
WORK="${WORK:-/tmp/mercury-console-bench}"
rm -rf "$WORK"; mkdir -p "$WORK/logs"
cat > "$WORK/broker.conf" <<CONF
brokerClusterName=ConsoleBench
brokerName=console-bench
namesrvAddr=127.0.0.1:$NS_PORT
brokerIP1=127.0.0.1
bindAddress=127.0.0.1
listenPort=$BROKER_PORT
storePathRootDir=$WORK/store
CONF
. "$HERE/mercury-pair.sh"
APP=""
trap 'kill $APP ${BR:-} ${NS:-} 2>/dev/null || true' EXIT
start_mercury_pair
HEAP="-Xms128m -Xmx512m -XX:+UseG1GC"

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# run NAME CLUSTER_PATH COMMAND...: prints "NAME first_page_ms cluster_ms rss_mib"
run() {
  local name=$1 path=$2; shift 2
  local start; start=$(date +%s%N)
  "$@" > "$WORK/$name.out" 2>&1 &
  APP=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do kill -0 $APP; sleep 0.02; done
  local page; page=$(ms_since "$start")
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT$path"; do kill -0 $APP; sleep 0.02; done
  local cluster; cluster=$(ms_since "$start")
  sleep "$IDLE"
  local rss; rss=$(( $(ps -o rss= -p $APP) / 1024 ))
  kill $APP; wait $APP 2>/dev/null || true; APP=""
  echo "$name $page $cluster $rss"
}
: > "$WORK/results"
for r in $(seq 1 "$ROUNDS"); do
  run console /api/cluster env JAVA_OPT_EXT="$HEAP -Dconsole.dataPath=$WORK/console-data" MERCURY_CLASSPATH="$CP" \
    sh "$ROOT/bin/mqconsole" -n "127.0.0.1:$NS_PORT" -p "$PORT" -a 127.0.0.1 | tee -a "$WORK/results"
  run dashboard-stack /cluster java $HEAP -Drocketmq.namesrv.addr="127.0.0.1:$NS_PORT" -jar "$JAR" \
    --server.port="$PORT" --server.address=127.0.0.1 | tee -a "$WORK/results"
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for name in console dashboard-stack; do
  printf '%-16s median first page %s ms, first cluster page %s ms, idle RSS %s MiB\n' "$name" \
    "$(awk -v n=$name '$1==n {print $2}' "$WORK/results" | median)" \
    "$(awk -v n=$name '$1==n {print $3}' "$WORK/results" | median)" \
    "$(awk -v n=$name '$1==n {print $4}' "$WORK/results" | median)"
done
