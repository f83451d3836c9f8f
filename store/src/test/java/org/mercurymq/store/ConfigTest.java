package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.config.ConfigException;

class ConfigTest {

    @Test
    void defaultsAreRocketMqs() {
        MessageStoreConfig c = MessageStoreConfig.defaults();
        assertEquals(System.getProperty("user.home") + java.io.File.separator + "store", c.storePathRootDir());
        assertEquals(c.storePathRootDir() + java.io.File.separator + "commitlog", c.storePathCommitLog());
        assertEquals(1024 * 1024 * 1024, c.mappedFileSizeCommitLog());
        assertEquals(6_000_000, c.mappedFileSizeConsumeQueue());
        assertEquals(FlushDiskType.ASYNC_FLUSH, c.flushDiskType());
        assertEquals(500, c.flushIntervalCommitLog());
        assertEquals(4, c.flushCommitLogLeastPages());
        assertEquals(5000, c.syncFlushTimeout());
        assertEquals("04", c.deleteWhen());
        assertEquals(72, c.fileReservedTime());
        assertEquals(75, c.diskMaxUsedSpaceRatio());
        assertEquals(4 * 1024 * 1024, c.maxMessageSize());
        assertTrue(c.checkCRCOnRecover());
        assertFalse(c.transientStorePoolEnable());
        assertEquals(5_000_000, c.maxHashSlotNum());
        assertEquals(20_000_000, c.maxIndexNum());
        assertEquals(262144, c.maxTransferBytesOnMessageInMemory());
        assertEquals(BrokerRole.ASYNC_MASTER, c.brokerRole());
        assertEquals(18, DelayLevels.parse(c.messageDelayLevel()).maxLevel());
        assertEquals(7_200_000, DelayLevels.parse(c.messageDelayLevel()).delayMillis(99));
    }

    @Test
    void misspeltKeysAreReportedWithTheNearestName() {
        List<String> warnings = new ArrayList<>();
        MessageStoreConfig.TABLE.parse(Map.of("mapedFileSizeCommitLog", "1024"), warnings::add);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("mappedFileSizeCommitLog"), warnings.get(0));
        assertThrows(ConfigException.class,
            () -> MessageStoreConfig.TABLE.parse(Map.of("flushDiskType", "SOMETIMES"), warnings::add));
    }

    @Test
    void consumeQueueSizeIsRoundedToEntriesAndPoolNeedsAsyncMaster() {
        MessageStoreConfig c = StoreTestSupport.config(Map.of("mappedFileSizeConsumeQueue", "1001",
            "transientStorePoolEnable", "true", "flushDiskType", "SYNC_FLUSH"));
        assertEquals(1020, c.mappedFileSizeConsumeQueue());
        assertFalse(c.transientStorePoolEnable());
        assertThrows(ConfigException.class, () -> DelayLevels.parse("1s 5x"));
    }
}
