#!/usr/bin/env bash
# Backlog drain side by side: Apache RocketMQ 4.9.7 (NameServer 127.0.0.1:9876, Broker :10911) and Mercury
# (NameServer :9877, Broker :10921) run at the same time, each with ASYNC_FLUSH and a 1 GiB heap. The official
# benchmark Producer fills each with PRODUCE seconds of 64-thread 1 KiB sends (the backlog stays in the page cache),
# then ROUNDS rounds alternate new-group drains by the official benchmark Consumer: Apache, then Mercury once per
# transfer mode in MODES (transferMsgByHeap switched at run time with updateBrokerConfig, same broker, same
# backlog). Each drain is one bench.sh consumer run (CONSUMER_DURATION s); its row (steady 10 s interval TPS,
# drain-rate bounds, server and client CPU over the run) is collected, and a summary prints medians and
# broker CPU per drained message. After each such drain, PullDrain.java (the official pull consumer, PULL_THREADS
# threads per queue, no flow control) reads the whole backlog as fast as pulls go for at most PULL_SECONDS, with the
# broker's CPU read around it. Results under /tmp/anchor-bench/ and /tmp/mercury-consume-bench/, summary on stdout.
#   ROUNDS [3]  PRODUCE [140]  CONSUMER_DURATION [40]  MODES ["true false"]  SHARED [../shared/bench]
#   PULL_THREADS [2]  PULL_SECONDS [25]
# Keep each backlog under 40 % of RAM: past that both brokers answer a new group's offset query with "not found"
# (message 0 counts as on disk), the tool's group then starts at the end and drains nothing. PRODUCE=140 gives
# ~6 M messages (~7 GiB) on Mercury on a 24 GiB machine.
# Run from a built tree (mvn -DskipTests package). Uses loopback only; both backlogs must fit in the page cache.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared/bench}"
ROUNDS="${ROUNDS:-3}"; PRODUCE="${PRODUCE:-140}"; MODES="${MODES:-true false}"
export CONSUMER_DURATION="${CONSUMER_DURATION:-40}"
WORK=/tmp/mercury-consume-bench
MPIDS=$WORK/pids
NS_PORT=9877
CP="$(ls -d "$ROOT"/distribution/target/mercury-*/mercury-*/lib 2>/dev/null | head -n 1)/*"

cleanup() {
  [[ -s "$MPIDS" ]] && awk '{print $2}' "$MPIDS" | xargs -r kill 2>/dev/null || true
  "$SHARED/stop-apache.sh" > /dev/null 2>&1 || true
}
trap cleanup EXIT

rm -rf "$WORK"; mkdir -p "$WORK/logs"
"$SHARED/start-apache.sh" > "$WORK/apache-start.log"
# shellcheck source=mercury-pair.sh
source "$HERE/mercury-pair.sh"
bench_broker_conf "$WORK/broker.conf" "$NS_PORT" 10921 "$WORK/store" ASYNC_FLUSH mercury-a
start_mercury_pair
printf 'namesrv %s\nbroker %s\n' "$NS" "$BR" > "$MPIDS"

mkdir -p "$WORK/toolshome/conf"
printf '<configuration><appender name="F" class="ch.qos.logback.core.FileAppender"><file>%s</file><encoder><pattern>%%d %%p %%t - %%m%%n</pattern></encoder></appender><root><level value="INFO"/><appender-ref ref="F"/></root></configuration>\n' \
  "$WORK/logs/tools.log" > "$WORK/toolshome/conf/logback_tools.xml"
mqadmin() { ROCKETMQ_HOME="$WORK/toolshome" java -Xmx256m -Drocketmq.client.logRoot="$WORK/logs" \
  -cp "$("$SHARED/classpath.sh")" org.apache.rocketmq.tools.command.MQAdminStartup "$@" 2>&1; }
bench() { # bench LABEL NAMESRV PIDFILE [env...]
  local label="$1" ns="$2" pids="$3"; shift 3
  env "$@" PIDFILE="$pids" OUT="$WORK/results-$label.md" "$SHARED/bench.sh" "$ns" "$label" > "$WORK/$label.out" 2>&1 || true
  ls -td /tmp/anchor-bench/"$label"-* | head -n 1
}
backlog() { sed -n 's/.*sum of max offsets (= messages in topic) = \([0-9]*\).*/\1/p' "$1" | tail -n 1; }

d="$(bench apache-fill 127.0.0.1:9876 /tmp/anchor-pids THREADS=64 DURATION="$PRODUCE" REPEAT=1 CONSUMER_RUNS=0)"
APACHE_BACKLOG="$(backlog "$WORK/results-apache-fill.md")"
d="$(bench mercury-fill 127.0.0.1:$NS_PORT "$MPIDS" THREADS=64 DURATION="$PRODUCE" REPEAT=1 CONSUMER_RUNS=0)"
MERCURY_BACKLOG="$(backlog "$WORK/results-mercury-fill.md")"
echo "backlog: apache $APACHE_BACKLOG, mercury $MERCURY_BACKLOG messages"

CLIENT_CP="$("$SHARED/classpath.sh")"
CLK_TCK="$(getconf CLK_TCK)"
: > "$WORK/pulls.txt"
# pull_drain LABEL NAMESRV BROKER_PID: PullDrain.java over the whole backlog, broker CPU read around it
pull_drain() {
  java -Xms1g -Xmx1g -XX:+UseG1GC -Drocketmq.client.logRoot="$WORK/logs" -cp "$CLIENT_CP" "$HERE/PullDrain.java" \
    "$2" AnchorBench "$PULL_THREADS" "$PULL_SECONDS" > "$WORK/pull.out" 2>&1 &
  local pid=$! c0 c1
  until grep -q '^ready' "$WORK/pull.out"; do kill -0 "$pid"; sleep 0.02; done
  c0="$(cpu_ticks "$3")"
  wait "$pid" || true
  c1="$(cpu_ticks "$3")"
  local line n
  line="$(grep '^messages=' "$WORK/pull.out" || echo "messages=0 failed")"
  n="$(sed -n 's/^messages=\([0-9]*\).*/\1/p' <<<"$line")"
  echo "$1 $line broker_us_per_msg=$(awk -v d=$((c1 - c0)) -v hz="$CLK_TCK" -v n="${n:-0}" 'BEGIN {printf "%.2f", n ? d / hz * 1e6 / n : 0}')" \
    | tee -a "$WORK/pulls.txt"
}
PULL_THREADS="${PULL_THREADS:-2}"; PULL_SECONDS="${PULL_SECONDS:-25}"
APACHE_BROKER="$(awk '$1 == "broker" {print $2}' /tmp/anchor-pids)"

ROWS=()
row() { grep -m1 '^| 1 | anchor_c1_' "$1" | sed "s/^| 1 |/| $2 | $3 |/"; }
for r in $(seq "$ROUNDS"); do
  bench "apache-drain-$r" 127.0.0.1:9876 /tmp/anchor-pids THREADS=" " REPEAT=1 CONSUMER_RUNS=1 > /dev/null
  ROWS+=("$(row "$WORK/results-apache-drain-$r.md" apache "$APACHE_BACKLOG")")
  pull_drain apache 127.0.0.1:9876 "$APACHE_BROKER"
  for m in $MODES; do
    mqadmin updateBrokerConfig -n 127.0.0.1:$NS_PORT -b 127.0.0.1:10921 -k transferMsgByHeap -v "$m" > "$WORK/update.out"
    mqadmin getBrokerConfig -n 127.0.0.1:$NS_PORT -b 127.0.0.1:10921 | grep -Eq "transferMsgByHeap *= *$m" \
      || { echo "transferMsgByHeap=$m not applied:"; cat "$WORK/update.out"; exit 1; }
    label="mercury-heap-$m-drain-$r"
    bench "$label" 127.0.0.1:$NS_PORT "$MPIDS" THREADS=" " REPEAT=1 CONSUMER_RUNS=1 > /dev/null
    ROWS+=("$(row "$WORK/results-$label.md" "mercury transferMsgByHeap=$m" "$MERCURY_BACKLOG")")
    pull_drain "mercury-transferMsgByHeap=$m" 127.0.0.1:$NS_PORT "$BR"
  done
done
printf '%s\n' "${ROWS[@]}" > "$WORK/rows.md"
python3 - "$WORK/rows.md" "$CONSUMER_DURATION" <<'PY'
import re, statistics, sys
rows = [l.rstrip('\n') for l in open(sys.argv[1]) if l.startswith('|')]
dur = float(sys.argv[2])
by = {}
for l in rows:
    c = [x.strip() for x in l.strip('|').split('|')]
    name, backlog, tps = c[0], int(c[1]), float(c[4].strip('*'))
    m = re.search(r'broker (\d+)%', l); client = re.search(r'client (\d+)%', l)
    broker_cpu = float(m.group(1)) if m else float('nan')
    drain = c[10]
    by.setdefault(name, []).append((tps, broker_cpu * dur * 1e4 / backlog, float(client.group(1)) if client else float('nan'), drain))
print('| implementation | steady consume TPS, median (runs) | broker CPU µs per drained message, median (runs) | client CPU % | drain-rate bounds |')
print('|---|---|---|---|---|')
for name, v in by.items():
    print(f"| {name} | {statistics.median(x[0] for x in v):,.0f} ({', '.join(f'{x[0]:,.0f}' for x in v)}) | "
          f"{statistics.median(x[1] for x in v):.2f} ({', '.join(f'{x[1]:.2f}' for x in v)}) | "
          f"{', '.join(f'{x[2]:.0f}' for x in v)} | {'; '.join(x[3] for x in v)} |")
PY
python3 - "$WORK/pulls.txt" <<'PY'
import re, statistics, sys
by = {}
for line in open(sys.argv[1]):
    kv = dict(re.findall(r'(\w+)=([\w.]+)', line))
    if 'rate' in kv:
        by.setdefault(line.split()[0], []).append((float(kv['rate']), float(kv['broker_us_per_msg'])))
print()
print('| PullDrain | msg/s, median (runs) | broker CPU µs/msg, median (runs) |')
print('|---|---|---|')
for name, v in by.items():
    print(f"| {name} | {statistics.median(x[0] for x in v):,.0f} ({', '.join(f'{x[0]:,.0f}' for x in v)}) | "
          f"{statistics.median(x[1] for x in v):.2f} ({', '.join(f'{x[1]:.2f}' for x in v)}) |")
PY
echo "rows: $WORK/rows.md, $WORK/pulls.txt; per run: $WORK/results-*.md"
