package org.mercurymq.store.ha;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.store.DefaultMessageStore;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.MutableClock;
import org.mercurymq.store.PutMessageResult;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.StoreTestSupport;

/** A real SYNC_MASTER store with its HAService and a SLAVE store with its HAClient over 127.0.0.1. */
class HAReplicationTest {
    private static final String TOPIC = "HaTopic";

    @TempDir
    Path masterDir;
    @TempDir
    Path slaveDir;

    private DefaultMessageStore master;
    private DefaultMessageStore slave;

    @AfterEach
    void tearDown() {
        if (slave != null) {
            slave.shutdown();
        }
        if (master != null) {
            master.shutdown();
        }
    }

    private static MessageStoreConfig config(Path dir, String role, String masterAddress) {
        Map<String, String> extra = new HashMap<>();
        extra.put("brokerRole", role);
        extra.put("slaveTimeout", "500");
        if (masterAddress != null) {
            extra.put("haMasterAddress", masterAddress);
        }
        return StoreTestSupport.config(dir, extra);
    }

    private void startMaster() {
        master = StoreTestSupport.open(config(masterDir, "SYNC_MASTER", null), new MutableClock(1_700_000_000_000L));
    }

    private String masterHaAddress() {
        return "127.0.0.1:" + master.haListenPort();
    }

    private void startSlave(String masterAddress) {
        slave = StoreTestSupport.open(config(slaveDir, "SLAVE", masterAddress), new MutableClock(1_700_000_000_000L));
    }

    private PutMessageResult put(int i) {
        return master.putMessage(StoreTestSupport.message(TOPIC, i % 4, "message-" + i + "-" + "x".repeat(900)));
    }

    private static byte[] commitLogBytes(DefaultMessageStore store) {
        return StoreTestSupport.commitLogBytes(store);
    }

    private void awaitInSync() {
        await().atMost(Duration.ofSeconds(20)).until(() -> slave.getMaxPhyOffset() == master.getMaxPhyOffset()
            && slave.dispatchBehindBytes() == 0);
        assertArrayEquals(commitLogBytes(master), commitLogBytes(slave), "replicated commit log bytes");
        for (int q = 0; q < 4; q++) {
            assertEquals(master.getMaxOffsetInQueue(TOPIC, q), slave.getMaxOffsetInQueue(TOPIC, q), "queue " + q);
        }
    }

    @Test
    void syncMasterPutWaitsForTheSlaveAckAndBytesAndQueuesMatch() {
        startMaster();
        startSlave(masterHaAddress());
        await().atMost(Duration.ofSeconds(10)).until(() -> master.haService().connectionCount() == 1
            && master.haService().getSlaveAckOffset() == master.getMaxPhyOffset());
        for (int i = 0; i < 200; i++) {
            PutMessageResult r = put(i);
            assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus(), "put " + i);
            long end = r.getAppendMessageResult().getWroteOffset() + r.getAppendMessageResult().getWroteBytes();
            assertTrue(master.slaveAckOffset() >= end, "slave acked the message before the put returned");
        }
        assertTrue(master.getMaxPhyOffset() > 2 * 64 * 1024, "data spans several segments");
        awaitInSync();
        assertEquals(50, slave.getMaxOffsetInQueue(TOPIC, 0));
    }

    @Test
    void slaveNotAvailableWhenNoSlaveIsConnected() {
        startMaster();
        PutMessageResult r = put(0);
        assertEquals(PutMessageStatus.SLAVE_NOT_AVAILABLE, r.getPutMessageStatus());
        assertTrue(r.isOk(), "the message is stored anyway");
        await().atMost(Duration.ofSeconds(5)).until(() -> master.getMaxOffsetInQueue(TOPIC, 0) == 1);
    }

    @Test
    void flushSlaveTimeoutWhenTheSlaveStalls() throws Exception {
        startMaster();
        put(0);
        try (Socket stalled = new Socket("127.0.0.1", master.haListenPort())) {
            // report the master's current end once, then never read or ack again
            byte[] report = new byte[8];
            HAStream.putLong(report, 0, master.getMaxPhyOffset());
            OutputStream out = stalled.getOutputStream();
            out.write(report);
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> master.haService().connectionCount() == 1
                && master.haService().getSlaveAckOffset() == master.getMaxPhyOffset());
            PutMessageResult r = master.asyncPutMessage(StoreTestSupport.message(TOPIC, 1, "waits")).join();
            assertEquals(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, r.getPutMessageStatus());
            assertTrue(r.isOk(), "the message is stored anyway");
            await().atMost(Duration.ofSeconds(5)).until(() -> master.getMaxOffsetInQueue(TOPIC, 1) == 1);
        }
    }

    @Test
    void laggingSlaveCatchesUpAndReconnectsAfterTheConnectionDrops() {
        startMaster();
        for (int i = 0; i < 150; i++) {
            put(i); // no slave yet: SLAVE_NOT_AVAILABLE, but stored
        }
        startSlave(null);
        assertEquals(0, slave.getMaxPhyOffset());
        slave.updateHaMasterAddress(masterHaAddress());
        await().atMost(Duration.ofSeconds(20)).until(() -> slave.getMaxPhyOffset() == master.getMaxPhyOffset());
        long lastSegmentStart = master.getMaxPhyOffset() - master.getMaxPhyOffset() % (64 * 1024);
        assertEquals(lastSegmentStart, slave.getMinPhyOffset(), "empty slave starts at the master's last segment");

        master.haService().disconnectAll();
        for (int i = 150; i < 300; i++) {
            put(i);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> master.haService().connectionCount() == 1
            && slave.getMaxPhyOffset() == master.getMaxPhyOffset());
        PutMessageResult r = put(300);
        assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus(), "slave acks again after reconnecting");
        await().atMost(Duration.ofSeconds(10)).until(() -> slave.dispatchBehindBytes() == 0
            && slave.getMaxPhyOffset() == master.getMaxPhyOffset());
        byte[] masterTail = commitLogBytes(master);
        byte[] slaveAll = commitLogBytes(slave);
        byte[] expected = java.util.Arrays.copyOfRange(masterTail, (int) lastSegmentStart, masterTail.length);
        assertArrayEquals(expected, slaveAll, "slave holds the master's bytes from its start position on");
    }

    @Test
    void slaveStartingFromZeroCopiesEverything() {
        startMaster();
        startSlave(masterHaAddress());
        await().atMost(Duration.ofSeconds(10)).until(() -> master.haService().connectionCount() == 1);
        for (int i = 0; i < 100; i++) {
            put(i);
        }
        awaitInSync();
    }
}
