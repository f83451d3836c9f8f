package org.mercurymq.test.tools;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.ApacheCluster;

/**
 * The original mqadmin commands whose output is deterministic, run through Mercury's mqadmin (in-process) and the
 * official RocketMQ 4.9.7 mqadmin (one child JVM) against an Apache RocketMQ 4.9.7 NameServer and Broker: equal
 * output after the normalisations named at each comparison. State changes work on a resource per tool (…M / …O).
 */
class MqadminOriginalCommandsAgainstApacheTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CLUSTER = "ApacheCluster";
    private static final String TOPIC = "ApOrigTopic";

    @TempDir
    static Path dir;

    private static ApacheCluster cluster;
    private static String ns;
    /** label → {mercury output, official output}. */
    private static final Map<String, String[]> OUTPUTS = new LinkedHashMap<>();

    @BeforeAll
    static void runBothTools() {
        cluster = ApacheCluster.start(dir);
        ns = cluster.namesrvAddress();
        await().atMost(WAIT).until(() -> mercury("clusterList").out.contains(cluster.brokerName()));
        assertEquals(0, mercury("updateTopic", "-t", TOPIC, "-c", CLUSTER, "-r", "2", "-w", "2").exitCode);
        for (String t : new String[] {"ApDelM", "ApDelO"}) {
            assertEquals(0, mercury("updateTopic", "-t", t, "-c", CLUSTER).exitCode);
        }
        await().atMost(WAIT).until(() -> mercury("topicRoute", "-t", TOPIC).exitCode == 0
            && mercury("topicRoute", "-t", "ApDelO").exitCode == 0 && mercury("topicRoute", "-t", "ApDelM").exitCode == 0);

        List<String[][]> cases = new ArrayList<>();
        add(cases, "clusterList-m", cmd("clusterList", "-m"));
        add(cases, "topicRoute", cmd("topicRoute", "-t", TOPIC));
        add(cases, "topicStatus", cmd("topicStatus", "-t", TOPIC));
        add(cases, "getNamesrvConfig", cmd("getNamesrvConfig"));
        add(cases, "getBrokerConfig-b", cmd("getBrokerConfig", "-b", cluster.brokerAddress()));
        pair(cases, "updateTopic-c", cmd("updateTopic", "-t", "ApNewM", "-c", CLUSTER, "-r", "3", "-w", "3"),
            cmd("updateTopic", "-t", "ApNewO", "-c", CLUSTER, "-r", "3", "-w", "3"));
        pair(cases, "deleteTopic", cmd("deleteTopic", "-t", "ApDelM", "-c", CLUSTER),
            cmd("deleteTopic", "-t", "ApDelO", "-c", CLUSTER));
        pair(cases, "updateSubGroup-c", cmd("updateSubGroup", "-g", "ApSubM", "-c", CLUSTER),
            cmd("updateSubGroup", "-g", "ApSubO", "-c", CLUSTER));
        pair(cases, "updateKvConfig", cmd("updateKvConfig", "-s", "AP_NS", "-k", "kM", "-v", "v1"),
            cmd("updateKvConfig", "-s", "AP_NS", "-k", "kO", "-v", "v1"));
        pair(cases, "deleteKvConfig", cmd("deleteKvConfig", "-s", "AP_NS", "-k", "kM"),
            cmd("deleteKvConfig", "-s", "AP_NS", "-k", "kO"));
        add(cases, "wipeWritePerm", cmd("wipeWritePerm", "-b", cluster.brokerName()));
        add(cases, "addWritePerm", cmd("addWritePerm", "-b", cluster.brokerName()));
        List<String[]> official = new ArrayList<>();
        for (String[][] c : cases) {
            Mqadmin r = mercury(c[1]);
            OUTPUTS.put(c[0][0], new String[] {r.out + r.err, null});
            official.add(c[2]);
        }
        List<String> officialOut = new OfficialMqadmin(dir, ns, null).runAll(official);
        for (int i = 0; i < cases.size(); i++) {
            OUTPUTS.get(cases.get(i)[0][0])[1] = officialOut.get(i);
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String[] cmd(String... words) {
        return words;
    }

    private static void add(List<String[][]> cases, String label, String[] command) {
        cases.add(new String[][] {{label}, command, command});
    }

    private static void pair(List<String[][]> cases, String label, String[] mercury, String[] official) {
        cases.add(new String[][] {{label}, mercury, official});
    }

    private static Mqadmin mercury(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("-n");
        all.add(ns);
        return Mqadmin.run(all.toArray(new String[0]));
    }

    private static void same(String label, UnaryOperator<String> norm) {
        String[] pair = OUTPUTS.get(label);
        assertEquals(norm.apply(pair[1]), norm.apply(pair[0]), label + ": official (expected) vs Mercury (actual)");
    }

    /** Lines sorted: RocketMQ prints these in its hash map's order, Mercury sorted. */
    private static String sortedLines(String s) {
        return s.lines().sorted().collect(Collectors.joining("\n"));
    }

    @Test
    void readOnlyCommandsPrintTheSame() {
        same("clusterList-m", UnaryOperator.identity());
        same("topicRoute", UnaryOperator.identity());
        assertTrue(OUTPUTS.get("topicRoute")[0].contains("\"brokerAddrs\":{0:\"" + cluster.brokerAddress() + "\"\n"),
            OUTPUTS.get("topicRoute")[0]);
        same("topicStatus", UnaryOperator.identity());
        same("getNamesrvConfig", MqadminOriginalCommandsAgainstApacheTest::sortedLines);
        same("getBrokerConfig-b", MqadminOriginalCommandsAgainstApacheTest::sortedLines);
    }

    @Test
    void stateChangesPrintTheSame() {
        same("updateTopic-c", s -> s.replace("ApNewO", "ApNewM"));
        same("deleteTopic", s -> s.replace("ApDelO", "ApDelM"));
        same("updateSubGroup-c", s -> s.replace("ApSubO", "ApSubM"));
        same("updateKvConfig", UnaryOperator.identity());
        same("deleteKvConfig", UnaryOperator.identity());
        // the trailing number counts the topics the name server changed; the other tool's runs change that count
        same("wipeWritePerm", s -> s.replaceAll("OK, \\d+", "OK, <n>"));
        same("addWritePerm", s -> s.replaceAll("OK, \\d+", "OK, <n>"));
    }
}
