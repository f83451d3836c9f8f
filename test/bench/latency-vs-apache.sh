#!/usr/bin/env bash
# Send latency percentiles side by side: Apache RocketMQ 4.9.7 and Mercury, each as one NameServer
# (127.0.0.1:9876) + one Broker (127.0.0.1:10911, ASYNC_MASTER, FLUSH, 1 GiB heap), alternating ROUNDS times. For each
# of THREADS, SendLatency.java (the official 4.9.7 producer, sync sends of SIZE bytes, an HdrHistogram of every
# send) runs WARMUP + SECONDS seconds; the broker's CPU is read from /proc at the start and end of the measured
# window, so CPU per message covers exactly the sends that count. One result line per run in
# /tmp/latency-bench/runs.txt; medians and Mercury/Apache ratios on stdout.
#   ROUNDS [3]  THREADS ["16 64"]  SIZE [1024]  WARMUP [10]  SECONDS [30]  FLUSH [ASYNC_FLUSH]
#   SHARED [../shared/bench]: for FLUSH=SYNC_FLUSH point it at a copy whose start-apache.sh writes the same
#   flushDiskType (docs/benchmarks.md "SYNC_FLUSH, side by side")
# Run from a built tree (mvn -DskipTests package). HdrHistogram 2.2.2 (Maven Central) records the latencies: fetched
# into ~/.m2 if missing; used by this bench program only, no module depends on it. Loopback only.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared/bench}"
ROUNDS="${ROUNDS:-3}"; THREADS="${THREADS:-16 64}"; SIZE="${SIZE:-1024}"
WARMUP="${WARMUP:-10}"; SECONDS_="${SECONDS:-30}"; FLUSH="${FLUSH:-ASYNC_FLUSH}"
OUTDIR=/tmp/latency-bench
WORK=/tmp/latency-bench/mercury
NS_PORT=9876
CP="$(ls -d "$ROOT"/distribution/target/mercury-*/mercury-*/lib 2>/dev/null | head -n 1)/*"
HDR=~/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar
[[ -f "$HDR" ]] || mvn -B -q dependency:get -Dartifact=org.hdrhistogram:HdrHistogram:2.2.2 > /dev/null
CLIENT_CP="$("$SHARED/classpath.sh"):$HDR"
CLK_TCK="$(getconf CLK_TCK)"
mkdir -p "$OUTDIR"; : > "$OUTDIR/runs.txt"

# shellcheck source=mercury-pair.sh
source "$HERE/mercury-pair.sh"

# measure LABEL BROKER_PID: one SendLatency run per thread count, appending "LABEL threads ... broker_us_per_msg=X"
measure() {
  local label="$1" broker="$2"
  for t in $THREADS; do
    java -Xms1g -Xmx1g -XX:+UseG1GC -Drocketmq.client.logRoot="$OUTDIR/clientlogs" -cp "$CLIENT_CP" \
      "$HERE/SendLatency.java" 127.0.0.1:9876 LatencyBench "$t" "$SIZE" "$WARMUP" "$SECONDS_" > "$OUTDIR/run.out" 2>&1 &
    local pid=$!
    # the window starts when the program's does (after JVM start, compile and producer start: it prints "ready")
    until grep -q '^ready' "$OUTDIR/run.out"; do kill -0 "$pid"; sleep 0.05; done
    sleep "$WARMUP"; local c0; c0="$(cpu_ticks "$broker")"
    sleep "$SECONDS_"; local c1; c1="$(cpu_ticks "$broker")"
    wait "$pid" || true
    local line; line="$(grep '^threads=' "$OUTDIR/run.out" || echo "threads=$t failed")"
    local sends; sends="$(sed -n 's/.* sends=\([0-9]*\).*/\1/p' <<<"$line")"
    local us="nan"
    [[ -n "$sends" && "$sends" -gt 0 ]] && us="$(awk -v d=$((c1 - c0)) -v hz="$CLK_TCK" -v n="$sends" 'BEGIN {printf "%.1f", d / hz * 1e6 / n}')"
    echo "$label $line broker_us_per_msg=$us" | tee -a "$OUTDIR/runs.txt"
  done
}

start_mercury() {
  rm -rf "$WORK"; mkdir -p "$WORK/logs"
  bench_broker_conf "$WORK/broker.conf" "$NS_PORT" 10911 "$WORK/store" "$FLUSH" broker-a
  start_mercury_pair
}

for r in $(seq "$ROUNDS"); do
  "$SHARED/start-apache.sh" > "$OUTDIR/apache-start.log"
  measure apache "$(awk '$1 == "broker" {print $2}' /tmp/anchor-pids)"
  "$SHARED/stop-apache.sh" > /dev/null
  start_mercury
  measure mercury "$BR"
  kill "$BR" "$NS"; wait "$BR" "$NS" 2>/dev/null || true
done

python3 - "$OUTDIR/runs.txt" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label = line.split()[0]
    kv = dict(re.findall(r'(\w+)=([\w.]+)', line))
    if 'tps' not in kv:
        continue
    runs.setdefault((int(kv['threads']), label), []).append(kv)
def med(key, rows):
    return statistics.median(float(r[key]) for r in rows)
print('| threads | | TPS | mean ms | p50 ms | p99 ms | p99.9 ms | broker CPU µs/msg |')
print('|---|---|---|---|---|---|---|---|')
keys = ['tps', 'mean_ms', 'p50_ms', 'p99_ms', 'p999_ms', 'broker_us_per_msg']
for t in sorted({k[0] for k in runs}):
    a, m = runs.get((t, 'apache'), []), runs.get((t, 'mercury'), [])
    for label, rows in (('Apache', a), ('Mercury', m)):
        if rows:
            print(f'| {t} | {label} | ' + ' | '.join(
                f"{med(k, rows):,.3f} ({'/'.join(r[k] for r in rows)})" for k in keys) + ' |')
    if a and m:
        print(f'| {t} | Mercury/Apache | ' + ' | '.join(f'{med(k, m) / med(k, a):.2f}×' for k in keys) + ' |')
PY
