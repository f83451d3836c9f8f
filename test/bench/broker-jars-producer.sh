#!/bin/bash
# Send throughput of a broker built in one source tree (docs/benchmarks.md, "Broker statistics"):
#   bash test/bench/broker-jars-producer.sh <tree> <label>
# <tree> must have been built with `mvn -B -q -o package -DskipTests -pl broker,namesrv,tools -am`. Starts a name
# server and a broker from that tree's jars (dependencies from ~/.m2) on random ports in a temp dir, creates topic
# BenchStats (4 queues), warms up for 10 s, runs Mercury's benchmark producer (8 threads, 1 KiB) for 30 s, prints
# its summary and stops both. Alternate two trees for a before/after comparison.
set -e
WT=$1; LABEL=$2
M2=~/.m2/repository
EXT=$(ls $M2/io/netty/netty-*/4.1.115.Final/netty-*-4.1.115.Final.jar | grep -v -e sources -e native -e classes-macos -e kqueue -e linux | tr '\n' ':')
EXT="$EXT$M2/com/alibaba/fastjson2/fastjson2/2.0.53/fastjson2-2.0.53.jar:$M2/org/slf4j/slf4j-api/2.0.16/slf4j-api-2.0.16.jar"
EXT="$EXT:$M2/ch/qos/logback/logback-classic/1.3.14/logback-classic-1.3.14.jar:$M2/ch/qos/logback/logback-core/1.3.14/logback-core-1.3.14.jar"
EXT="$EXT:$M2/commons-cli/commons-cli/1.9.0/commons-cli-1.9.0.jar:$M2/org/yaml/snakeyaml/2.5/snakeyaml-2.5.jar"
CP="$EXT"
for m in common remoting client store broker namesrv tools; do CP="$CP:$WT/$m/target/mercury-$m-0.1.0-SNAPSHOT.jar"; done
D=$(mktemp -d /tmp/broker-jars-producer-XXXX)
NSPORT=$((20000 + RANDOM % 10000)); BPORT=$((NSPORT + 11))
cat > $D/logback.xml <<X
<configuration><appender name="F" class="ch.qos.logback.core.FileAppender"><file>$D/log.txt</file><encoder><pattern>%d %msg%n</pattern></encoder></appender><root level="INFO"><appender-ref ref="F"/></root></configuration>
X
cat > $D/broker.conf <<X
brokerClusterName=BenchCluster
brokerName=bench-a
listenPort=$BPORT
namesrvAddr=127.0.0.1:$NSPORT
storePathRootDir=$D/store
storePathCommitLog=$D/store/commitlog
autoCreateTopicEnable=true
X
JOPT="-Xms512m -Xmx512m -Dlogback.configurationFile=$D/logback.xml -Duser.home=$D"
echo "listenPort=$NSPORT" > $D/ns.conf; echo "kvConfigPath=$D/kv.json" >> $D/ns.conf
java $JOPT -cp "$CP" org.mercurymq.namesrv.NamesrvStartup -c $D/ns.conf > $D/ns.out 2>&1 &
NSPID=$!
sleep 3
java $JOPT -cp "$CP" org.mercurymq.broker.BrokerStartup -c $D/broker.conf > $D/broker.out 2>&1 &
BPID=$!
trap "kill $BPID $NSPID 2>/dev/null; wait $BPID $NSPID 2>/dev/null; rm -rf $D" EXIT
for i in $(seq 1 60); do
  java -Dlogback.configurationFile=$D/logback.xml -cp "$CP" org.mercurymq.tools.command.MQAdminStartup updateTopic -n 127.0.0.1:$NSPORT -c BenchCluster -t BenchStats -r 4 -w 4 > $D/admin.out 2>&1 \
    && java -Dlogback.configurationFile=$D/logback.xml -cp "$CP" org.mercurymq.tools.command.MQAdminStartup topicRoute -n 127.0.0.1:$NSPORT -t BenchStats >> $D/admin.out 2>&1 && break
  sleep 2
done
java -Xmx512m -Dlogback.configurationFile=$D/logback.xml -cp "$CP" org.mercurymq.example.benchmark.Producer -n 127.0.0.1:$NSPORT -t BenchStats -w 8 -s 1024 -d 10 > $D/warm.out 2>&1 || true
java -Xmx512m -Dlogback.configurationFile=$D/logback.xml -cp "$CP" org.mercurymq.example.benchmark.Producer -n 127.0.0.1:$NSPORT -t BenchStats -w 8 -s 1024 -d 30 > $D/bench.out 2>&1
echo "== $LABEL $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
tail -4 $D/bench.out
