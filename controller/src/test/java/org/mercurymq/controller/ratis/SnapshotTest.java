package org.mercurymq.controller.ratis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.controller.state.ControllerEvent;
import org.mercurymq.controller.state.ReplicaTable;

/**
 * A real single-peer Ratis controller log with a snapshot every 5 entries: after 12 events a snapshot file exists,
 * and a peer restarted on the same directory holds the same table (snapshot plus the entries after it).
 */
class SnapshotTest {
    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private RatisEventLog start(int port, ReplicaTable table) throws IOException {
        RatisEventLog log = new RatisEventLog(RatisPeers.parse("snapshot-test", "n0-127.0.0.1:" + port), "n0",
            dir.toFile(), table, 300, 600, 5000, 5);
        log.start();
        await().atMost(Duration.ofSeconds(60)).until(log::isLeader);
        return log;
    }

    @Test
    void aRestartedPeerLoadsTheSnapshotAndReplaysTheRest() throws Exception {
        int port = freePort();
        ReplicaTable table = new ReplicaTable();
        RatisEventLog log = start(port, table);
        try {
            for (long id = 1; id <= 12; id++) {
                assertTrue(log.submit(new ControllerEvent.ApplyBrokerId("c", "g", id, "addr-" + id)).get().succeeded());
            }
            log.submit(new ControllerEvent.ElectMaster("g", 0, 3)).get();
            await("a snapshot file").atMost(Duration.ofSeconds(30)).until(() -> !snapshots().isEmpty());
        } finally {
            log.shutdown();
        }
        String before = table.toJson();
        assertEquals(12, table.group("g").replicas().size());

        ReplicaTable restored = new ReplicaTable();
        RatisEventLog again = start(port, restored);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> before.equals(restored.toJson()));
            assertEquals(3L, restored.group("g").masterBrokerId());
            assertEquals(Set.of(3L), restored.group("g").syncStateSet());
        } finally {
            again.shutdown();
        }
    }

    /** The snapshot files Ratis' state-machine storage holds (snapshot.term_index). */
    private List<File> snapshots() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+"))
                .map(Path::toFile).toList();
        }
    }
}
