package org.mercurymq.controller.ratis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.controller.state.ApplyResult;
import org.mercurymq.controller.state.ControllerEvent;
import org.mercurymq.controller.state.ReplicaTable;

/** Three Ratis peers in one JVM: events committed on the leader reach every table; a new leader takes writes. */
class RatisEventLogTest {
    @TempDir
    Path dir;
    private final List<RatisEventLog> logs = new ArrayList<>();

    @AfterEach
    void stop() {
        logs.forEach(RatisEventLog::shutdown);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private RatisEventLog leader() {
        return logs.stream().filter(RatisEventLog::isLeader).findFirst().orElse(null);
    }

    @Test
    void committedEventsReachEveryPeerAndAnotherLeaderTakesOver() throws Exception {
        StringBuilder peers = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            peers.append(i == 0 ? "" : ";").append("n").append(i).append("-127.0.0.1:").append(freePort());
        }
        RatisPeers parsed = RatisPeers.parse("test-group", peers.toString());
        for (int i = 0; i < 3; i++) {
            RatisEventLog log = new RatisEventLog(parsed, "n" + i, dir.resolve("n" + i).toFile(), new ReplicaTable(),
                300, 600, 3000);
            log.start();
            logs.add(log);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> leader() != null);
        RatisEventLog first = leader();
        ApplyResult r = first.submit(new ControllerEvent.ApplyBrokerId("c", "b", 1, "x")).get(10, TimeUnit.SECONDS);
        assertTrue(r.succeeded(), String.valueOf(r.reason()));
        await().atMost(Duration.ofSeconds(10)).until(() -> logs.stream().allMatch(l -> l.table().group("b") != null));

        first.shutdown();
        logs.remove(first);
        await().atMost(Duration.ofSeconds(30)).until(() -> leader() != null);
        RatisEventLog second = leader();
        ApplyResult again = second.submit(new ControllerEvent.ApplyBrokerId("c", "b", 2, "y")).get(10, TimeUnit.SECONDS);
        assertTrue(again.succeeded(), String.valueOf(again.reason()));
        await().atMost(Duration.ofSeconds(10)).until(() ->
            logs.stream().allMatch(l -> l.table().group("b").replicas().containsKey(2L)));
        assertEquals(2, second.table().group("b").replicas().size());
    }
}
