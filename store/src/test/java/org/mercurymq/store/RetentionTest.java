package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercurymq.store.StoreTestSupport.message;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expired-file deletion driven by an injected clock and a fake disk-usage probe. */
class RetentionTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;
    private final AtomicReference<Double> usage = new AtomicReference<>(0.10);
    private DefaultMessageStore store;
    private MutableClock clock;

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    private void open(int hourOfDay) {
        long start = LocalDateTime.of(2026, 11, 21, hourOfDay, 0).atZone(UTC).toInstant().toEpochMilli();
        clock = new MutableClock(start, UTC);
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", dir.toString());
        raw.put("mappedFileSizeCommitLog", String.valueOf(64 * 1024));
        raw.put("mappedFileSizeConsumeQueue", String.valueOf(50 * 20));
        raw.put("deleteCommitLogFilesInterval", "0");
        raw.put("haListenPort", "0");
        // flush everything promptly: a force in flight pins its segment and would postpone its deletion
        raw.put("flushIntervalCommitLog", "20");
        raw.put("flushCommitLogLeastPages", "0");
        store = new DefaultMessageStore(StoreTestSupport.config(raw), clock, null, path -> usage.get());
        store.load();
        store.start();
    }

    /** ~4 segments of data in queue 0; file mtimes are "now" (real time). */
    private void fill() {
        for (int i = 0; i < 250; i++) {
            assertEquals(PutMessageStatus.PUT_OK, store.putMessage(message("R", 0, new byte[1000], null, null))
                .getPutMessageStatus());
        }
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0 && store.flushBehindBytes() == 0);
        for (File f : new File(dir.toFile(), "commitlog").listFiles()) {
            assertTrue(f.setLastModified(clock.millis()));
        }
    }

    /** Segments holding data: the next one, preallocated in the background (docs/store.md), is not counted. */
    private int segments() {
        long max = store.getMaxPhyOffset();
        return (int) java.util.Arrays.stream(new File(dir.toFile(), "commitlog").list())
            .filter(n -> n.matches("\\d{20}") && Long.parseLong(n) < max).count();
    }

    @Test
    void expiredSegmentsGoAtTheDeleteHourOnly() {
        open(3);
        fill();
        int before = segments();
        assertTrue(before >= 4);
        // 03:00 + 72.5 h: expired but not the delete hour ("04") and the disk is not full
        clock.set(LocalDateTime.of(2026, 11, 24, 3, 30).atZone(UTC).toInstant().toEpochMilli());
        store.cleanExpiredFilesNow();
        assertEquals(before, segments());
        clock.set(LocalDateTime.of(2026, 11, 24, 4, 10).atZone(UTC).toInstant().toEpochMilli());
        store.cleanExpiredFilesNow();
        assertEquals(1, segments(), "all but the active segment deleted");
        long min = store.getMinPhyOffset();
        assertTrue(min > 0);
        long minQueue = store.getMinOffsetInQueue("R", 0);
        assertTrue(minQueue > 0, "consume-queue min offset follows the commit log");
        GetMessageResult tooSmall = store.getMessage("g", "R", 0, 0, 32, null);
        assertEquals(GetMessageStatus.OFFSET_TOO_SMALL, tooSmall.getStatus());
        assertEquals(minQueue, tooSmall.getNextBeginOffset());
        GetMessageResult found = store.getMessage("g", "R", 0, minQueue, 1, null);
        assertEquals(GetMessageStatus.FOUND, found.getStatus());
        assertEquals(min, found.getMessageMapedList().get(0).getStartOffset());
        found.release();
        assertEquals(250, store.getMaxOffsetInQueue("R", 0));
    }

    @Test
    void unexpiredSegmentsStayUntilTheDiskIsNearlyFull() {
        open(4);
        fill();
        int before = segments();
        store.cleanExpiredFilesNow();
        assertEquals(before, segments(), "delete hour but nothing expired");
        usage.set(0.80);
        store.cleanExpiredFilesNow();
        assertEquals(before, segments(), "above diskMaxUsedSpaceRatio only expired files go");
        usage.set(0.87);
        store.cleanExpiredFilesNow();
        assertEquals(1, segments(), "above the forced ratio unexpired files go too");
        assertNull(store.whyNotWriteable());
    }

    @Test
    void fullDiskRefusesPutsUntilSpaceIsFreed() {
        open(10);
        fill();
        long max = store.getMaxPhyOffset();
        usage.set(0.95);
        store.cleanExpiredFilesNow();
        assertNotNull(store.whyNotWriteable());
        assertTrue(store.whyNotWriteable().contains("disk is full"));
        PutMessageResult refused = store.putMessage(message("R", 0, "x"));
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE, refused.getPutMessageStatus());
        assertEquals(store.getMinPhyOffset() <= max ? store.getMaxPhyOffset() : -1, store.getMaxPhyOffset());
        usage.set(0.50);
        store.cleanExpiredFilesNow();
        assertNull(store.whyNotWriteable());
        assertEquals(PutMessageStatus.PUT_OK, store.putMessage(message("R", 0, "y")).getPutMessageStatus());
    }

    @Test
    void manualDeletionIgnoresTheHour() {
        open(12);
        fill();
        clock.advance(100L * 3600 * 1000);
        store.cleanExpiredFilesNow();
        int before = segments();
        store.executeDeleteFilesManually();
        store.cleanExpiredFilesNow();
        assertEquals(1, segments());
        assertTrue(before > 1);
        store.cleanExpiredConsumerQueue();
        assertEquals(250, store.getMaxOffsetInQueue("R", 0), "queue still has live entries and stays");
    }
}
