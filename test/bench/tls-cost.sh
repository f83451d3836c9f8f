#!/usr/bin/env bash
# TLS cost on the send path: one Mercury NameServer + one Broker (default tls.server.mode=permissive, test
# mode, so one port serves both) and Mercury's benchmark Producer, alternating a plaintext pass and a TLS
# pass (-Dtls.enable=true) ROUNDS times; prints each pass's summary with the CPU it cost (broker and
# producer process, user+sys, microseconds per message sent: steadier than TPS on a shared machine) and
# the medians (docs/benchmarks.md).
#   ROUNDS [3]  DURATION [20] s  THREADS [4]  SIZE [1024] bytes  NS_PORT [29876]  BROKER_PORT [29911]
#   CP: classpath of the built modules (default: the distribution's lib/*, after mvn -DskipTests package)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"; DURATION="${DURATION:-20}"; THREADS="${THREADS:-4}"; SIZE="${SIZE:-1024}"
NS_PORT="${NS_PORT:-29876}"; BROKER_PORT="${BROKER_PORT:-29911}"
CP="${CP:-$(ls -d "$ROOT"/distribution/target/mercury-*/mercury-*/lib 2>/dev/null | head -n 1)/*}"
WORK="${WORK:-/tmp/mercury-tls-bench}"
rm -rf "$WORK"; mkdir -p "$WORK/logs"
cat > "$WORK/broker.conf" <<CONF
brokerClusterName=TlsBench
brokerName=tls-bench
brokerRole=ASYNC_MASTER
flushDiskType=ASYNC_FLUSH
namesrvAddr=127.0.0.1:$NS_PORT
brokerIP1=127.0.0.1
bindAddress=127.0.0.1
listenPort=$BROKER_PORT
storePathRootDir=$WORK/store
autoCreateTopicEnable=true
CONF
. "$HERE/mercury-pair.sh"
trap 'kill ${BR:-} ${NS:-} 2>/dev/null || true' EXIT
start_mercury_pair
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # user+sys, 1/100 s
pass() { # $1 label, $2 extra java options
  local b0 b1 sent client
  b0=$(cpu_ticks $BR)
  TIMEFORMAT='%U %S'
  { time java -Xmx512m $2 -Dlogback.configurationFile="$ROOT/conf/logback_tools.xml" -cp "$CP" org.mercurymq.example.benchmark.Producer -n "127.0.0.1:$NS_PORT" -t TlsBench \
      -w "$THREADS" -s "$SIZE" -d "$DURATION" -i "$DURATION" > "$WORK/pass.out" ; } 2> "$WORK/time.out"
  b1=$(cpu_ticks $BR)
  sent=$(grep SUMMARY "$WORK/pass.out" | sed 's/.*total \([0-9]*\) in.*/\1/')
  client=$(tail -n 1 "$WORK/time.out" | awk '{print $1 + $2}')
  [ "${sent:-0}" -gt 0 ] || sent=1  # a pass that sent nothing (overloaded machine) shows its CPU per 1 message
  printf '%s %s | broker CPU us/msg %.1f | producer CPU us/msg %.1f\n' "$1" "$(grep SUMMARY "$WORK/pass.out")" \
    "$(echo "($b1 - $b0) * 10000 / $sent" | bc -l)" "$(echo "$client * 1000000 / $sent" | bc -l)" | tee -a "$WORK/summary"
}
echo "load before: $(cat /proc/loadavg)"
pass warmup "" > /dev/null
for r in $(seq "$ROUNDS"); do
  pass plain ""
  pass tls "-Dtls.enable=true"
done
echo "load after: $(cat /proc/loadavg)"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for label in plain tls; do
  printf '%s medians: TPS %s, broker CPU us/msg %s, producer CPU us/msg %s\n' "$label" \
    "$(grep "^$label " "$WORK/summary" | sed 's/.*TPS \([0-9]*\) |.*/\1/' | median)" \
    "$(grep "^$label " "$WORK/summary" | sed 's/.*broker CPU us\/msg \([0-9.]*\).*/\1/' | median)" \
    "$(grep "^$label " "$WORK/summary" | sed 's/.*producer CPU us\/msg \([0-9.]*\).*/\1/' | median)"
done
