package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercurymq.store.StoreTestSupport.message;

import ch.qos.logback.classic.Level;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.store.retention.ForcedCleanReporter;

/**
 * Forced cleanup above the forced-clean ratio deletes unexpired segments (RocketMQ's behaviour, kept): it
 * must say how many messages went, how many were unconsumed and which groups lost backlog, and count it.
 */
class ForcedCleanupTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;
    private final AtomicReference<Double> usage = new AtomicReference<>(0.10);
    /** topic -> group -> queueId -> committed offset, as the broker would answer. */
    private final Map<String, Map<String, Map<Integer, Long>>> committed = new HashMap<>();
    private DefaultMessageStore store;
    private MutableClock clock;

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    private void open(int hourOfDay) {
        clock = new MutableClock(LocalDateTime.of(2026, 11, 21, hourOfDay, 0).atZone(UTC).toInstant().toEpochMilli(),
            UTC);
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", dir.toString());
        raw.put("mappedFileSizeCommitLog", String.valueOf(64 * 1024));
        raw.put("mappedFileSizeConsumeQueue", String.valueOf(50 * 20));
        raw.put("deleteCommitLogFilesInterval", "0");
        store = new DefaultMessageStore(StoreTestSupport.config(raw), clock, null, path -> usage.get(),
            () -> committed);
        store.load();
        store.start();
    }

    /** 250 messages in R-0 and 50 in S-0 (about 5 segments); segment mtimes are the clock's now. */
    private void fill() {
        for (int i = 0; i < 300; i++) {
            String topic = i % 6 == 5 ? "S" : "R";
            assertEquals(PutMessageStatus.PUT_OK, store.putMessage(message(topic, 0, new byte[1000], null, null))
                .getPutMessageStatus());
        }
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        for (File f : new File(dir.toFile(), "commitlog").listFiles()) {
            assertTrue(f.setLastModified(clock.millis()));
        }
    }

    @Test
    void forcedCleanupReportsDeletedAndUnconsumedMessagesPerGroup() {
        open(10);
        fill();
        committed.put("R", Map.of("slow", Map.of(0, 10L), "mid", Map.of(0, 150L), "done", Map.of(0, 250L)));
        committed.put("S", Map.of("s-done", Map.of(0, 50L)));
        usage.set(0.87);
        try (LogCapture log = new LogCapture(ForcedCleanReporter.class)) {
            store.cleanExpiredFilesNow();
            long deletedR = store.getMinOffsetInQueue("R", 0);
            long deletedS = store.getMinOffsetInQueue("S", 0);
            assertTrue(deletedR > 150, "most of R was deleted: " + deletedR);
            assertEquals(deletedR + deletedS, store.getStoreStats().getForceCleanDeletedMessages());
            assertEquals(deletedR - 10, store.getStoreStats().getForceCleanDeletedUnconsumedMessages());
            Map<String, String> info = store.getRuntimeInfo();
            assertEquals(String.valueOf(deletedR + deletedS), info.get("forceCleanDeletedMessages"));
            assertEquals(String.valueOf(deletedR - 10), info.get("forceCleanDeletedUnconsumedMessages"));
            List<String> errors = log.messages(Level.ERROR);
            assertEquals(1, errors.size(), errors.toString());
            String line = errors.get(0);
            assertTrue(line.contains("deleted " + (deletedR + deletedS) + " unexpired messages"), line);
            assertTrue(line.contains((deletedR - 10) + " of them were not consumed yet"), line);
            assertTrue(line.contains("{mid=" + (deletedR - 150) + ", slow=" + (deletedR - 10) + "}"), line);
            assertTrue(line.contains("87% full, above the forced-clean ratio 85%"), line);
        }
    }

    @Test
    void forcedCleanupOfConsumedMessagesIsAWarningAndExpiredOnesAreNotCounted() {
        open(10);
        fill();
        committed.put("R", Map.of("done", Map.of(0, 250L)));
        committed.put("S", Map.of("s-done", Map.of(0, 50L)));
        usage.set(0.87);
        try (LogCapture log = new LogCapture(ForcedCleanReporter.class)) {
            store.cleanExpiredFilesNow();
            assertEquals(List.of(), log.messages(Level.ERROR));
            assertEquals(1, log.messages(Level.WARN).size());
        }
        assertEquals(0, store.getStoreStats().getForceCleanDeletedUnconsumedMessages());
        long counted = store.getStoreStats().getForceCleanDeletedMessages();
        assertTrue(counted > 0);
        // more data, then everything expires: deleting expired segments is ordinary retention
        fill();
        clock.advance(100L * 3600 * 1000);
        store.cleanExpiredFilesNow();
        assertTrue(store.getMinOffsetInQueue("R", 0) > 250, "expired segments were deleted");
        assertEquals(counted, store.getStoreStats().getForceCleanDeletedMessages());
    }
}
