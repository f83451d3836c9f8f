package org.mercurymq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.protocol.body.KVTable;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.remoting.protocol.body.ProcessQueueInfo;
import org.mercurymq.remoting.protocol.body.TopicOffset;
import org.mercurymq.remoting.protocol.body.TopicStatsTable;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.QueueData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * Exact output of the table commands against canned replies (the header lines are copied from RocketMQ 4.9.7's
 * mqadmin), including bodies with fastjson-style MessageQueue map keys.
 */
class CommandOutputTest {
    private FakeAdminServer server;

    @BeforeEach
    void start() {
        server = new FakeAdminServer();
        String addr = server.address();
        BrokerData bd = new BrokerData("C1", "broker-a", Collections.singletonMap(0L, addr));
        ClusterInfo info = new ClusterInfo(Collections.singletonMap("broker-a", bd),
            Collections.singletonMap("C1", Collections.singletonList("broker-a")));
        TopicRouteData route = new TopicRouteData(null, Collections.singletonList(new QueueData("broker-a", 2, 2, 6, 0)),
            Collections.singletonList(bd), new HashMap<>());
        server.body(RequestCode.GET_BROKER_CLUSTER_INFO, info.encode())
            .body(RequestCode.GET_ROUTEINFO_BY_TOPIC, route.encode(false));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun run(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "-n";
        all[args.length + 1] = server.address();
        return CliRun.of(all);
    }

    private static List<String> lines(CliRun run) {
        assertEquals(0, run.exitCode, run.toString());
        return Arrays.asList(run.out.split("\n"));
    }

    @Test
    void topicStatusPrintsEveryQueue() {
        TopicStatsTable stats = new TopicStatsTable();
        for (int q = 0; q < 2; q++) {
            TopicOffset o = new TopicOffset();
            o.setMinOffset(q);
            o.setMaxOffset(10 + q);
            stats.getOffsetTable().put(new MessageQueue("T", "broker-a", q), o);
        }
        server.body(RequestCode.GET_TOPIC_STATS_INFO, stats.encode());
        List<String> out = lines(run("topicStatus", "-t", "T"));
        assertEquals("#Broker Name                      #QID  #Min Offset           #Max Offset             #Last Updated",
            out.get(0));
        assertEquals("broker-a                          0     0                     10                      ", out.get(1));
        assertEquals("broker-a                          1     1                     11                      ", out.get(2));
        assertEquals(3, out.size());
    }

    @Test
    void topicRouteListFormatHasTotals() {
        List<String> out = lines(run("topicRoute", "-t", "T", "-l"));
        assertEquals("#ClusterName                                  #BrokerName                      #BrokerAddrs"
            + "                                       #ReadQueue #WriteQueue #Perm", out.get(0));
        assertTrue(out.get(1).startsWith("C1                                            broker-a                         {0="
            + server.address() + "}"), out.get(1));
        assertTrue(out.get(1).endsWith("2          2           6    "), out.get(1));
        assertEquals(158, out.get(2).length());
        assertEquals("Total:                                        1                                                  "
            + "                                 2          2                ", out.get(3));
    }

    @Test
    void topicRouteJsonIsStandardJson() {
        CliRun run = run("topicRoute", "-t", "T");
        TopicRouteData back = TopicRouteData.decode(run.out.getBytes(StandardCharsets.UTF_8), TopicRouteData.class);
        assertEquals(2, back.getQueueDatas().get(0).getReadQueueNums());
        assertEquals(server.address(), back.getBrokerDatas().get(0).getBrokerAddrs().get(0L));
    }

    @Test
    void clusterListShowsVersionTpsAndTotals() {
        Map<String, String> kv = new TreeMap<>();
        kv.put("brokerVersionDesc", "V4_9_7");
        kv.put("putTps", "12.5 10.0 9.0");
        kv.put("getTransferedTps", "3.25 1 1");
        kv.put("sendThreadPoolQueueSize", "7");
        kv.put("sendThreadPoolQueueHeadWaitTimeMills", "2");
        kv.put("pullThreadPoolQueueSize", "0");
        kv.put("pullThreadPoolQueueHeadWaitTimeMills", "0");
        kv.put("pageCacheLockTimeMills", "0");
        kv.put("earliestMessageTimeStamp", String.valueOf(System.currentTimeMillis()));
        kv.put("commitLogDiskRatio", "0.25");
        kv.put("msgPutTotalYesterdayMorning", "100");
        kv.put("msgPutTotalTodayMorning", "150");
        kv.put("msgPutTotalTodayNow", "175");
        kv.put("msgGetTotalYesterdayMorning", "0");
        kv.put("msgGetTotalTodayMorning", "20");
        kv.put("msgGetTotalTodayNow", "21");
        server.body(RequestCode.GET_BROKER_RUNTIME_INFO, new KVTable(kv).encode());
        List<String> out = lines(run("clusterList"));
        assertEquals("#Cluster Name     #Broker Name            #BID  #Addr                  #Version                "
            + "#InTPS(LOAD)       #OutTPS(LOAD) #PCWait(ms) #Hour #SPACE", out.get(0));
        String row = out.get(1);
        assertTrue(row.startsWith(String.format("C1                broker-a                0     %-22s V4_9_7          ",
            server.address())), row);
        assertTrue(row.contains("    12.50(7,2ms)") && row.contains("     3.25(0,0ms)"), row);
        assertTrue(row.endsWith(" 0.2500"), row);

        // right after start the broker has no TPS windows yet and prints empty ones, as RocketMQ does
        kv.put("putTps", "  ");
        kv.put("getTransferedTps", "  ");
        server.body(RequestCode.GET_BROKER_RUNTIME_INFO, new KVTable(kv).encode());
        String fresh = lines(run("clusterList")).get(1);
        assertTrue(fresh.contains("     0.00(7,2ms)") && fresh.contains("     0.00(0,0ms)"), fresh);

        List<String> more = lines(run("clusterList", "-m"));
        assertEquals("#Cluster Name     #Broker Name                       #InTotalYest  #OutTotalYest  #InTotalToday "
            + "#OutTotalToday", more.get(0));
        assertEquals("C1                broker-a                                     50             20             25"
            + "              1", more.get(1));
    }

    @Test
    void consumerProgressShowsLagPerQueueAndTotals() {
        ConsumeStats stats = new ConsumeStats();
        stats.setConsumeTps(1.5);
        for (int q = 0; q < 2; q++) {
            OffsetWrapper w = new OffsetWrapper();
            w.setBrokerOffset(10);
            w.setConsumerOffset(q == 0 ? 4 : 10);
            stats.getOffsetTable().put(new MessageQueue("T", "broker-a", q), w);
        }
        server.body(RequestCode.GET_CONSUME_STATS, stats.encode());
        List<String> out = lines(run("consumerProgress", "-g", "G"));
        assertTrue(out.get(0).startsWith("#Topic") && out.get(0).contains("#Broker Name") && out.get(0).contains("#Diff"),
            out.get(0));
        assertEquals(String.format("%-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s", "T", "broker-a", 0, 10, 4, 6, "N/A"),
            out.get(1));
        assertEquals("", out.get(3));
        assertEquals("Consume TPS: 1.50", out.get(4));
        assertEquals("Diff Total: 6", out.get(5));
    }

    @Test
    void consumerProgressWithClientIpShowsTheHoldingClientOrNa() {
        ConsumeStats stats = new ConsumeStats();
        for (int q = 0; q < 2; q++) {
            OffsetWrapper w = new OffsetWrapper();
            w.setBrokerOffset(10);
            w.setConsumerOffset(4);
            stats.getOffsetTable().put(new MessageQueue("T", "broker-a", q), w);
        }
        server.body(RequestCode.GET_CONSUME_STATS, stats.encode());
        Connection c = new Connection();
        c.setClientId("10.1.2.3@inst-1");
        ConsumerConnection cc = new ConsumerConnection();
        cc.getConnectionSet().add(c);
        server.body(RequestCode.GET_CONSUMER_CONNECTION_LIST, cc.encode());
        // the client holds queue 0 only: queue 1 has no holder
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        info.getMqTable().put(new MessageQueue("T", "broker-a", 0), new ProcessQueueInfo());
        server.body(RequestCode.GET_CONSUMER_RUNNING_INFO, info.encode());

        List<String> out = lines(run("consumerProgress", "-g", "G", "-s", "true"));
        assertEquals(String.format("%-64s  %-32s  %-4s  %-20s  %-20s  %-20s %-20s  %s", "#Topic", "#Broker Name", "#QID",
            "#Broker Offset", "#Consumer Offset", "#Client IP", "#Diff", "#LastTime"), out.get(0));
        assertEquals(String.format("%-64s  %-32s  %-4d  %-20d  %-20d  %-20s %-20d  %s", "T", "broker-a", 0, 10, 4,
            "10.1.2.3", 6, "N/A"), out.get(1));
        assertEquals(String.format("%-64s  %-32s  %-4d  %-20d  %-20d  %-20s %-20d  %s", "T", "broker-a", 1, 10, 4,
            "N/A", 6, "N/A"), out.get(2));
        assertEquals("Diff Total: 12", out.get(5));

        // a client that does not answer: every queue N/A, the table still printed
        server.error(RequestCode.GET_CONSUMER_RUNNING_INFO, ResponseCode.SYSTEM_ERROR, "client gone");
        List<String> na = lines(run("consumerProgress", "-g", "G", "-s", "true"));
        assertTrue(na.get(1).contains("  N/A                  6 "), na.get(1));
        // -s false: the table without the column
        assertEquals(String.format("%-64s  %-32s  %-4d  %-20d  %-20d  %-20d  %s", "T", "broker-a", 0, 10, 4, 6, "N/A"),
            lines(run("consumerProgress", "-g", "G", "-s", "false")).get(1));
    }

    @Test
    void serverErrorsBecomeOneLineWithCodeNameAndServer() {
        server.error(RequestCode.GET_ROUTEINFO_BY_TOPIC, ResponseCode.TOPIC_NOT_EXIST, "No topic route info for X");
        CliRun run = run("topicStatus", "-t", "X");
        assertEquals(1, run.exitCode);
        assertEquals("mqadmin topicStatus failed: CODE: TOPIC_NOT_EXIST(17) DESC: No topic route info for X (name server "
            + server.address() + ")", run.err.trim());
    }

    @Test
    void unknownClusterIsNamed() {
        CliRun run = run("updateTopic", "-t", "T", "-c", "NoSuchCluster");
        assertEquals(1, run.exitCode);
        assertEquals("mqadmin updateTopic failed: cluster 'NoSuchCluster' is not known to the name server; known clusters: [C1]",
            run.err.trim());
    }

    @Test
    void updateTopicSendsTheOptionsToEveryMaster() {
        Map<String, String> seen = new HashMap<>();
        server.answer(RequestCode.UPDATE_AND_CREATE_TOPIC, req -> {
            seen.putAll(req.getExtFields());
            return req.response(0, null);
        });
        List<String> out = lines(run("updateTopic", "-t", "T8", "-c", "C1", "-r", "8", "-w", "4", "-p", "4"));
        assertEquals("create topic to " + server.address() + " success.", out.get(0));
        assertEquals("TopicConfig [topicName=T8, readQueueNums=8, writeQueueNums=4, perm=R--, topicFilterType=SINGLE_TAG,"
            + " topicSysFlag=0, order=false]", out.get(1));
        assertEquals("T8", seen.get("topic"));
        assertEquals("TBW102", seen.get("defaultTopic"));
        assertEquals("8", seen.get("readQueueNums"));
        assertEquals("4", seen.get("writeQueueNums"));
        assertEquals("4", seen.get("perm"));
        assertEquals("false", seen.get("order"));
    }
}
