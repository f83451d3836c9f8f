package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercurymq.store.StoreTestSupport.message;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;

/**
 * The store on a small, real ext4 file system that runs full while messages are put: it refuses puts with
 * a disk-full reason before or when it cannot allocate, every acknowledged message stays readable, it
 * restarts READ-ONLY on the full disk and serves reads, and puts resume once space is freed.
 */
class DiskFullStoreTest {
    private static final int BODY = 1000;

    @TempDir
    Path dir;
    private SmallFileSystem fs;
    private DefaultMessageStore store;

    @AfterEach
    void close() {
        try {
            if (store != null) {
                store.shutdown();
            }
        } finally {
            if (fs != null) {
                fs.close();
            }
        }
    }

    private MessageStoreConfig config() {
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", fs.path().resolve("store").toString());
        raw.put("mappedFileSizeCommitLog", String.valueOf(1 << 20));
        raw.put("mappedFileSizeConsumeQueue", String.valueOf(1000 * 20));
        raw.put("maxHashSlotNum", "100");
        raw.put("maxIndexNum", "400");
        raw.put("flushIntervalCommitLog", "50");
        raw.put("flushIntervalConsumeQueue", "50");
        raw.put("haListenPort", "0");
        return StoreTestSupport.config(raw);
    }

    private DefaultMessageStore open() {
        DefaultMessageStore s = new DefaultMessageStore(config(), java.time.Clock.systemUTC(), null);
        s.load();
        s.start();
        return s;
    }

    private static String body(int i) {
        String head = "m" + i + "-";
        return head + "x".repeat(BODY - head.length());
    }

    /** Puts until refused; returns the acknowledged bodies. */
    private Set<String> putUntilRefused(int from, int max, PutMessageStatus[] refusal) {
        Set<String> acked = new HashSet<>();
        for (int i = from; i < from + max; i++) {
            PutMessageResult r = store.putMessage(message("DF", i % 2, body(i)));
            if (r.getPutMessageStatus() == PutMessageStatus.PUT_OK) {
                acked.add(body(i));
            } else {
                refusal[0] = r.getPutMessageStatus();
                return acked;
            }
        }
        return acked;
    }

    private Set<String> readAll(DefaultMessageStore s) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> s.dispatchBehindBytes() == 0);
        Set<String> found = new HashSet<>();
        for (int q = 0; q < 2; q++) {
            long offset = s.getMinOffsetInQueue("DF", q);
            long max = s.getMaxOffsetInQueue("DF", q);
            while (offset < max) {
                GetMessageResult got = s.getMessage("g", "DF", q, offset, 32, null);
                try {
                    assertTrue(got.getMessageCount() > 0, "queue " + q + " offset " + offset + ": " + got.getStatus());
                    for (java.nio.ByteBuffer b : got.getMessageBufferList()) {
                        MessageExt m = MessageDecoder.decode(b.duplicate(), true, true);
                        assertNotNull(m, "a readable record at queue " + q + " offset " + offset);
                        found.add(new String(m.getBody(), StandardCharsets.UTF_8));
                    }
                    offset = got.getNextBeginOffset();
                } finally {
                    got.release();
                }
            }
        }
        return found;
    }

    @Test
    void fullDiskRefusesPutsLosesNothingRestartsReadOnlyAndResumes() throws Exception {
        fs = SmallFileSystem.ext4(dir, 24);
        store = open();
        // leave room for about three 1 MiB segments: the disk runs full under the puts
        Path filler = fs.fill("filler", 3L << 20);
        PutMessageStatus[] refusal = new PutMessageStatus[1];
        Set<String> acked = putUntilRefused(0, 20_000, refusal);
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE, refusal[0], "puts are refused on the full disk");
        String why = store.whyNotWriteable();
        assertNotNull(why);
        assertTrue(why.contains("disk is full"), why);
        assertTrue(acked.size() > 500, "puts were accepted until the disk ran full: " + acked.size());

        Set<String> found = readAll(store);
        long lost = acked.stream().filter(b -> !found.contains(b)).count();
        System.out.println("DISK-FULL store: acked=" + acked.size() + " refusedAt=" + refusal[0] + " lost=" + lost
            + " usable=" + fs.usableBytes());
        assertEquals(0, lost, "every acknowledged message is readable");

        // restart on the (still) full disk: comes up read-only and serves every acknowledged message
        store.shutdown();
        store = null;
        fs.fill("filler2", 0);
        store = open();
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE,
            store.putMessage(message("DF", 0, body(-1))).getPutMessageStatus());
        assertTrue(store.whyNotWriteable().contains("disk is full"), store.whyNotWriteable());
        assertTrue(readAll(store).containsAll(acked), "a store restarted on a full disk serves every acked message");

        // space freed: puts resume
        Files.delete(filler);
        Files.delete(fs.path().resolve("filler2"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
            store.putMessage(message("DF", 0, body(-2))).getPutMessageStatus() == PutMessageStatus.PUT_OK);
        assertTrue(readAll(store).contains(body(-2)));
    }

    @Test
    void aFlushIOErrorMakesTheStoreReadOnlyAndLoud() throws Exception {
        fs = SmallFileSystem.ext4(dir, 16);
        store = open();
        for (int i = 0; i < 200; i++) {
            assertEquals(PutMessageStatus.PUT_OK, store.putMessage(message("DF", 0, body(i))).getPutMessageStatus());
        }
        fs.failAllWrites();
        // appends still land in the page cache; the next force fails with EIO and the store stops acknowledging
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
            store.putMessage(message("DF", 0, body(-3))).getPutMessageStatus() != PutMessageStatus.PUT_OK);
        String why = store.whyNotWriteable();
        assertNotNull(why);
        assertTrue(why.contains("storage fault") && why.contains("Input/output error"), why);
        for (int i = 0; i < 20; i++) {
            assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE,
                store.putMessage(message("DF", 0, body(-4))).getPutMessageStatus(), "never PUT_OK after the fault");
        }
    }
}
