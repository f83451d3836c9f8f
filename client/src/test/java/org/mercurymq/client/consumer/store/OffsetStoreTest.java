package org.mercurymq.client.consumer.store;

import org.mercurymq.client.impl.producer.InstanceServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.common.message.MessageQueue;

class OffsetStoreTest {
    private final MessageQueue q0 = new MessageQueue("T", "broker-a", 0);
    private final MessageQueue q1 = new MessageQueue("T", "broker-a", 1);
    private final MessageQueue other = new MessageQueue("U", "broker-a", 0);

    @TempDir
    Path dir;

    @Test
    void memoryTableHonoursIncreaseOnly() {
        MQClientInstance instance = new MQClientInstance(new ClientConfig(), "offset-test@1", null, InstanceServices.INSTANCE);
        RemoteBrokerOffsetStore store = new RemoteBrokerOffsetStore(instance, "G");
        assertEquals(-1, store.readOffset(q0, ReadOffsetType.READ_FROM_MEMORY));
        store.updateOffset(q0, 10, true);
        store.updateOffset(q0, 5, true);
        assertEquals(10, store.readOffset(q0, ReadOffsetType.READ_FROM_MEMORY));
        store.updateOffset(q0, 5, false);
        assertEquals(5, store.readOffset(q0, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
        store.updateOffset(other, 3, false);
        assertEquals(Collections.singletonMap(q0, 5L), store.cloneOffsetTable("T"));
        assertEquals(2, store.cloneOffsetTable(null).size());
        store.removeOffset(q0);
        assertEquals(-1, store.readOffset(q0, ReadOffsetType.READ_FROM_MEMORY));
    }

    @Test
    void remoteStoreReportsMinusTwoWhenTheBrokerIsUnknown() {
        MQClientInstance instance = new MQClientInstance(new ClientConfig(), "offset-test@2", null, InstanceServices.INSTANCE);
        RemoteBrokerOffsetStore store = new RemoteBrokerOffsetStore(instance, "G");
        assertEquals(-2, store.readOffset(q0, ReadOffsetType.READ_FROM_STORE));
    }

    @Test
    void localFileRoundTripsAndForgetsQueuesNotPersisted() throws Exception {
        LocalFileOffsetStore store = new LocalFileOffsetStore(dir, "client@1", "G");
        store.updateOffset(q0, 42, false);
        store.updateOffset(q1, 7, false);
        store.persistAll(new HashSet<>(Collections.singletonList(q0)));
        assertTrue(Files.exists(dir.resolve("client@1").resolve("G").resolve("offsets.json")));

        LocalFileOffsetStore reloaded = new LocalFileOffsetStore(dir, "client@1", "G");
        reloaded.load();
        assertEquals(42, reloaded.readOffset(q0, ReadOffsetType.READ_FROM_MEMORY));
        assertEquals(-1, reloaded.readOffset(q1, ReadOffsetType.READ_FROM_MEMORY));
        LocalFileOffsetStore fresh = new LocalFileOffsetStore(dir, "client@1", "G");
        assertEquals(42, fresh.readOffset(q0, ReadOffsetType.READ_FROM_STORE));
        assertEquals(-1, fresh.readOffset(q1, ReadOffsetType.READ_FROM_STORE));
    }

    @Test
    void localFileReadsTheRocketMqLayout() throws Exception {
        Path file = dir.resolve("c@2").resolve("G").resolve("offsets.json");
        Files.createDirectories(file.getParent());
        String rocketmq = "{\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"T\"}:99,"
            + "{\"brokerName\":\"broker-a\",\"queueId\":0,\"topic\":\"T\"}:12}}";
        Files.write(file, rocketmq.getBytes(StandardCharsets.UTF_8));
        LocalFileOffsetStore store = new LocalFileOffsetStore(dir, "c@2", "G");
        store.load();
        Map<MessageQueue, Long> table = store.cloneOffsetTable("T");
        assertEquals(Long.valueOf(12), table.get(q0));
        assertEquals(Long.valueOf(99), table.get(q1));
        store.persistAll(new HashSet<>(table.keySet()));
        String written = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertEquals(rocketmq.replace("{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"T\"}:99,", "")
            .replace("12}}", "12,{\"brokerName\":\"broker-a\",\"queueId\":1,\"topic\":\"T\"}:99}}"), written);
    }

    @Test
    void corruptFileFallsBackToTheBackup() throws Exception {
        LocalFileOffsetStore store = new LocalFileOffsetStore(dir, "c@3", "G");
        store.updateOffset(q0, 1, false);
        store.persistAll(new HashSet<>(Collections.singletonList(q0)));
        store.updateOffset(q0, 2, false);
        store.persistAll(new HashSet<>(Collections.singletonList(q0)));
        Path file = dir.resolve("c@3").resolve("G").resolve("offsets.json");
        Files.write(file, "{not json".getBytes(StandardCharsets.UTF_8));
        LocalFileOffsetStore reloaded = new LocalFileOffsetStore(dir, "c@3", "G");
        reloaded.load();
        assertEquals(1, reloaded.readOffset(q0, ReadOffsetType.READ_FROM_MEMORY));
    }
}
