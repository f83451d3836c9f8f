# Sourced by the bench scripts (tls-cost.sh, console-vs-dashboard-stack.sh, consume-vs-apache.sh,
# latency-vs-apache.sh). bench_broker_conf FILE NS_PORT LISTEN_PORT STORE_DIR FLUSH BROKER_NAME writes the
# benchmarks' broker.conf (one ASYNC_MASTER on 127.0.0.1, topics auto-created); cpu_ticks PID prints a process's
# user+system CPU in clock ticks. start_mercury_pair starts one Mercury
# NameServer on 127.0.0.1:$NS_PORT and one Broker from $WORK/broker.conf (written by the caller), classpath $CP,
# logs under $WORK/logs, stdout in $WORK/namesrv.out and $WORK/broker.out; sets NS and BR to their PIDs and returns
# once the broker printed "boot success". The caller's EXIT trap kills them.
start_mercury_pair() {
  printf 'listenPort=%s\nbindAddress=127.0.0.1\nkvConfigPath=%s/kv.json\nconfigStorePath=%s/ns.properties\n' \
    "$NS_PORT" "$WORK" "$WORK" > "$WORK/namesrv.conf"
  local log="-Dmercury.log.dir=$WORK/logs"
  java -Xmx256m $log -Dlogback.configurationFile="$ROOT/conf/logback_namesrv.xml" -cp "$CP" \
    org.mercurymq.namesrv.NamesrvStartup -c "$WORK/namesrv.conf" > "$WORK/namesrv.out" 2>&1 &
  NS=$!
  java -Xmx1g $log -Dlogback.configurationFile="$ROOT/conf/logback_broker.xml" -cp "$CP" \
    org.mercurymq.broker.BrokerStartup -c "$WORK/broker.conf" > "$WORK/broker.out" 2>&1 &
  BR=$!
  until grep -q "boot success" "$WORK/broker.out"; do kill -0 $BR; sleep 0.5; done
}

bench_broker_conf() {
  printf '%s\n' "brokerClusterName=DefaultCluster" "brokerName=$6" "brokerId=0" "brokerRole=ASYNC_MASTER" \
    "flushDiskType=$5" "namesrvAddr=127.0.0.1:$2" "brokerIP1=127.0.0.1" "bindAddress=127.0.0.1" "listenPort=$3" \
    "storePathRootDir=$4" "autoCreateTopicEnable=true" > "$1"
}

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
