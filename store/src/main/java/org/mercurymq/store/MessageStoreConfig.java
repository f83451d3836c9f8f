package org.mercurymq.store;

import java.io.File;
import org.mercurymq.common.config.Config;
import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;

/**
 * Every key the store reads, with RocketMQ 4.9.7's names and defaults (MessageStoreConfig), and
 * typed accessors over one parsed {@link Config}. Immutable and thread-safe.
 */
public final class MessageStoreConfig {
    public static final ConfigKey<String> STORE_PATH_ROOT_DIR =
        ConfigKey.ofString("storePathRootDir", System.getProperty("user.home") + File.separator + "store", "root directory of the store")
        .defaultDoc("~/store");
    public static final ConfigKey<String> STORE_PATH_COMMIT_LOG =
        ConfigKey.ofString("storePathCommitLog", null, "commit-log directory; unset = <storePathRootDir>/commitlog");
    public static final ConfigKey<String> STORE_PATH_DLEDGER_COMMIT_LOG =
        ConfigKey.ofString("storePathDLedgerCommitLog", null, "DLedger commit-log directory (DLedger is not supported; accepted for compatibility)")
        .notHonoured("DLedger is not supported");
    public static final ConfigKey<String> READ_ONLY_COMMIT_LOG_STORE_PATHS =
        ConfigKey.ofString("readOnlyCommitLogStorePaths", null, "extra read-only commit-log paths (not supported; accepted for compatibility)")
        .notHonoured("read-only commit-log paths are not supported");
    public static final ConfigKey<Integer> MAPPED_FILE_SIZE_COMMIT_LOG =
        ConfigKey.ofInt("mappedFileSizeCommitLog", 1024 * 1024 * 1024, "size of one commit-log segment").unit("bytes");
    public static final ConfigKey<Integer> MAPPED_FILE_SIZE_CONSUME_QUEUE =
        ConfigKey.ofInt("mappedFileSizeConsumeQueue", 300000 * 20, "size of one consume-queue segment (rounded up to a multiple of 20)").unit("bytes");
    public static final ConfigKey<Boolean> ENABLE_CONSUME_QUEUE_EXT =
        ConfigKey.ofBool("enableConsumeQueueExt", false, "consume-queue extension files (not supported; must stay false)");
    public static final ConfigKey<Integer> MAPPED_FILE_SIZE_CONSUME_QUEUE_EXT =
        ConfigKey.ofInt("mappedFileSizeConsumeQueueExt", 48 * 1024 * 1024, "consume-queue extension segment size (unused)").unit("bytes")
        .notHonoured("consume-queue extension files are not supported");
    public static final ConfigKey<Integer> BIT_MAP_LENGTH_CONSUME_QUEUE_EXT =
        ConfigKey.ofInt("bitMapLengthConsumeQueueExt", 64, "consume-queue extension bitmap length (unused)")
        .notHonoured("consume-queue extension files are not supported");
    public static final ConfigKey<Integer> FLUSH_INTERVAL_COMMIT_LOG =
        ConfigKey.ofInt("flushIntervalCommitLog", 500, "ASYNC_FLUSH: interval of the commit-log flush thread").unit("ms").runtime();
    public static final ConfigKey<Integer> COMMIT_INTERVAL_COMMIT_LOG =
        ConfigKey.ofInt("commitIntervalCommitLog", 200, "transientStorePoolEnable: interval of the commit thread").unit("ms").runtime();
    public static final ConfigKey<Boolean> USE_REENTRANT_LOCK_WHEN_PUT_MESSAGE =
        ConfigKey.ofBool("useReentrantLockWhenPutMessage", true, "append lock kind (always a ReentrantLock here)")
        .notHonoured("the append lock is always a ReentrantLock");
    public static final ConfigKey<Boolean> FLUSH_COMMIT_LOG_TIMED =
        ConfigKey.ofBool("flushCommitLogTimed", true, "ASYNC_FLUSH: sleep the full interval instead of waiting for a wake-up");
    public static final ConfigKey<Integer> FLUSH_INTERVAL_CONSUME_QUEUE =
        ConfigKey.ofInt("flushIntervalConsumeQueue", 1000, "interval of the consume-queue flush thread").unit("ms").runtime();
    public static final ConfigKey<Integer> CLEAN_RESOURCE_INTERVAL =
        ConfigKey.ofInt("cleanResourceInterval", 10000, "interval of the expired-file cleaner").unit("ms");
    public static final ConfigKey<Integer> DELETE_COMMIT_LOG_FILES_INTERVAL =
        ConfigKey.ofInt("deleteCommitLogFilesInterval", 100, "pause between two commit-log segment deletions").unit("ms").runtime();
    public static final ConfigKey<Integer> DELETE_CONSUME_QUEUE_FILES_INTERVAL =
        ConfigKey.ofInt("deleteConsumeQueueFilesInterval", 100, "pause between two consume-queue segment deletions").unit("ms")
        .notHonoured("consume-queue segments are deleted without a pause between them");
    public static final ConfigKey<Integer> DESTROY_MAPED_FILE_INTERVAL_FORCIBLY =
        ConfigKey.ofInt("destroyMapedFileIntervalForcibly", 1000 * 120, "a segment still referenced by readers is destroyed after this long").unit("ms").runtime();
    public static final ConfigKey<Integer> REDELETE_HANGED_FILE_INTERVAL =
        ConfigKey.ofInt("redeleteHangedFileInterval", 1000 * 120, "retry interval for a first segment that could not be deleted").unit("ms").runtime();
    public static final ConfigKey<String> DELETE_WHEN =
        ConfigKey.ofString("deleteWhen", "04", "local hours (';'-separated) at which expired commit-log segments are deleted").runtime();
    public static final ConfigKey<Integer> DISK_MAX_USED_SPACE_RATIO =
        ConfigKey.ofInt("diskMaxUsedSpaceRatio", 75, "disk usage above which expired segments are deleted at any hour (clamped 10-95)").unit("%").runtime();
    public static final ConfigKey<Integer> FILE_RESERVED_TIME =
        ConfigKey.ofInt("fileReservedTime", 72, "how long a commit-log segment is kept after its last write").unit("hours").runtime();
    public static final ConfigKey<Integer> PUT_MSG_INDEX_HIGHT_WATER =
        ConfigKey.ofInt("putMsgIndexHightWater", 600000, "flow-control water mark (unused)")
        .notHonoured("has no effect (RocketMQ 4.9.7 does not read it either)");
    public static final ConfigKey<Integer> MAX_MESSAGE_SIZE =
        ConfigKey.ofInt("maxMessageSize", 1024 * 1024 * 4, "largest accepted message body").unit("bytes");
    public static final ConfigKey<Boolean> CHECK_CRC_ON_RECOVER =
        ConfigKey.ofBool("checkCRCOnRecover", true, "verify body CRCs when recovering the commit log");
    public static final ConfigKey<Integer> FLUSH_COMMIT_LOG_LEAST_PAGES =
        ConfigKey.ofInt("flushCommitLogLeastPages", 4, "ASYNC_FLUSH: flush only when at least this many 4 KiB pages are dirty").unit("pages").runtime();
    public static final ConfigKey<Integer> COMMIT_COMMIT_LOG_LEAST_PAGES =
        ConfigKey.ofInt("commitCommitLogLeastPages", 4, "transientStorePoolEnable: commit only when at least this many pages are pending").unit("pages").runtime();
    public static final ConfigKey<Integer> FLUSH_LEAST_PAGES_WHEN_WARM_MAPED_FILE =
        ConfigKey.ofInt("flushLeastPagesWhenWarmMapedFile", 1024 / 4 * 16, "warm-up: flush every this many pages").unit("pages")
        .notHonoured("warm-up touches the pages without intermediate flushes");
    public static final ConfigKey<Integer> FLUSH_CONSUME_QUEUE_LEAST_PAGES =
        ConfigKey.ofInt("flushConsumeQueueLeastPages", 2, "flush a consume queue only when this many pages are dirty").unit("pages").runtime();
    public static final ConfigKey<Integer> FLUSH_COMMIT_LOG_THOROUGH_INTERVAL =
        ConfigKey.ofInt("flushCommitLogThoroughInterval", 1000 * 10, "ASYNC_FLUSH: flush everything at least this often").unit("ms").runtime();
    public static final ConfigKey<Integer> COMMIT_COMMIT_LOG_THOROUGH_INTERVAL =
        ConfigKey.ofInt("commitCommitLogThoroughInterval", 200, "transientStorePoolEnable: commit everything at least this often").unit("ms").runtime();
    public static final ConfigKey<Integer> FLUSH_CONSUME_QUEUE_THOROUGH_INTERVAL =
        ConfigKey.ofInt("flushConsumeQueueThoroughInterval", 1000 * 60, "flush all consume queues and the checkpoint at least this often").unit("ms").runtime();
    public static final ConfigKey<Integer> MAX_TRANSFER_BYTES_ON_MESSAGE_IN_MEMORY =
        ConfigKey.ofInt("maxTransferBytesOnMessageInMemory", 1024 * 256, "pull: byte limit when the data is in memory").unit("bytes").runtime();
    public static final ConfigKey<Integer> MAX_TRANSFER_COUNT_ON_MESSAGE_IN_MEMORY =
        ConfigKey.ofInt("maxTransferCountOnMessageInMemory", 32, "pull: message limit when the data is in memory").runtime();
    public static final ConfigKey<Integer> MAX_TRANSFER_BYTES_ON_MESSAGE_IN_DISK =
        ConfigKey.ofInt("maxTransferBytesOnMessageInDisk", 1024 * 64, "pull: byte limit when the data is on disk").unit("bytes").runtime();
    public static final ConfigKey<Integer> MAX_TRANSFER_COUNT_ON_MESSAGE_IN_DISK =
        ConfigKey.ofInt("maxTransferCountOnMessageInDisk", 8, "pull: message limit when the data is on disk").runtime();
    public static final ConfigKey<Integer> ACCESS_MESSAGE_IN_MEMORY_MAX_RATIO =
        ConfigKey.ofInt("accessMessageInMemoryMaxRatio", 40, "data further than this share of RAM behind the head counts as on disk").unit("%").runtime();
    public static final ConfigKey<Boolean> MESSAGE_INDEX_ENABLE =
        ConfigKey.ofBool("messageIndexEnable", true, "build the key index");
    public static final ConfigKey<Integer> MAX_HASH_SLOT_NUM =
        ConfigKey.ofInt("maxHashSlotNum", 5000000, "hash slots per index file");
    public static final ConfigKey<Integer> MAX_INDEX_NUM =
        ConfigKey.ofInt("maxIndexNum", 5000000 * 4, "entries per index file");
    public static final ConfigKey<Integer> MAX_MSGS_NUM_BATCH =
        ConfigKey.ofInt("maxMsgsNumBatch", 64, "largest number of offsets returned by one index query");
    public static final ConfigKey<Boolean> MESSAGE_INDEX_SAFE =
        ConfigKey.ofBool("messageIndexSafe", false, "include the index checkpoint in the abnormal-recovery start time");
    public static final ConfigKey<Integer> HA_LISTEN_PORT =
        ConfigKey.ofInt("haListenPort", 10912, "HA listen port");
    public static final ConfigKey<Integer> HA_SEND_HEARTBEAT_INTERVAL =
        ConfigKey.ofInt("haSendHeartbeatInterval", 1000 * 5, "HA slave heartbeat interval").unit("ms");
    public static final ConfigKey<Integer> HA_HOUSEKEEPING_INTERVAL =
        ConfigKey.ofInt("haHousekeepingInterval", 1000 * 20, "HA idle connection timeout").unit("ms");
    public static final ConfigKey<Integer> HA_TRANSFER_BATCH_SIZE =
        ConfigKey.ofInt("haTransferBatchSize", 1024 * 32, "HA chunk size").unit("bytes");
    public static final ConfigKey<String> HA_MASTER_ADDRESS =
        ConfigKey.ofString("haMasterAddress", null, "HA master address for a slave");
    public static final ConfigKey<Integer> HA_SLAVE_FALLBEHIND_MAX =
        ConfigKey.ofInt("haSlaveFallbehindMax", 1024 * 1024 * 256, "SYNC_MASTER: a slave further behind is not waited for").unit("bytes");
    public static final ConfigKey<BrokerRole> BROKER_ROLE =
        ConfigKey.ofEnum("brokerRole", BrokerRole.class, BrokerRole.ASYNC_MASTER, "ASYNC_MASTER, SYNC_MASTER or SLAVE");
    public static final ConfigKey<FlushDiskType> FLUSH_DISK_TYPE =
        ConfigKey.ofEnum("flushDiskType", FlushDiskType.class, FlushDiskType.ASYNC_FLUSH, "ASYNC_FLUSH or SYNC_FLUSH");
    public static final ConfigKey<Integer> SYNC_FLUSH_TIMEOUT =
        ConfigKey.ofInt("syncFlushTimeout", 1000 * 5, "SYNC_FLUSH: answer FLUSH_DISK_TIMEOUT after this long").unit("ms");
    public static final ConfigKey<Integer> SLAVE_TIMEOUT =
        ConfigKey.ofInt("slaveTimeout", 3000, "SYNC_MASTER: answer FLUSH_SLAVE_TIMEOUT after this long").unit("ms");
    public static final ConfigKey<Boolean> ALL_ACK_IN_SYNC_STATE_SET =
        ConfigKey.ofBool("allAckInSyncStateSet", false,
            "controller mode: a put is acknowledged only once every SyncStateSet member has it (docs/controller.md)");
    public static final ConfigKey<Long> HA_MAX_TIME_SLAVE_NOT_CATCHUP =
        ConfigKey.ofLong("haMaxTimeSlaveNotCatchup", 15_000L,
            "controller mode: a slave not caught up with the master for this long leaves the SyncStateSet").unit("ms");
    public static final ConfigKey<String> MESSAGE_DELAY_LEVEL =
        ConfigKey.ofString("messageDelayLevel", "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h", "delay of each level (units s, m, h, d)");
    public static final ConfigKey<Long> FLUSH_DELAY_OFFSET_INTERVAL =
        ConfigKey.ofLong("flushDelayOffsetInterval", 1000 * 10, "delay-offset persist interval").unit("ms");
    public static final ConfigKey<Boolean> CLEAN_FILE_FORCIBLY_ENABLE =
        ConfigKey.ofBool("cleanFileForciblyEnable", true, "above the forced-clean ratio delete segments even before they expire").runtime();
    public static final ConfigKey<Boolean> WARM_MAPED_FILE_ENABLE =
        ConfigKey.ofBool("warmMapedFileEnable", false, "touch every page of a new segment when it is created");
    public static final ConfigKey<Boolean> OFFSET_CHECK_IN_SLAVE =
        ConfigKey.ofBool("offsetCheckInSlave", false, "a slave also corrects pull offsets").runtime();
    public static final ConfigKey<Boolean> DEBUG_LOCK_ENABLE =
        ConfigKey.ofBool("debugLockEnable", false, "log slow lock holders")
        .notHonoured("slow lock holders are not logged");
    public static final ConfigKey<Boolean> DUPLICATION_ENABLE =
        ConfigKey.ofBool("duplicationEnable", false, "keep the commit-log offset of re-sent messages (slave promotion)")
        .notHonoured("re-sent messages always get a new commit-log offset");
    public static final ConfigKey<Boolean> DISK_FALL_RECORDED =
        ConfigKey.ofBool("diskFallRecorded", true, "record pulls that fell to disk").runtime();
    public static final ConfigKey<Long> OS_PAGE_CACHE_BUSY_TIME_OUT_MILLS =
        ConfigKey.ofLong("osPageCacheBusyTimeOutMills", 1000, "a put waiting on the append lock longer than this is refused with OS_PAGECACHE_BUSY").unit("ms").runtime();
    public static final ConfigKey<Integer> DEFAULT_QUERY_MAX_NUM =
        ConfigKey.ofInt("defaultQueryMaxNum", 32, "default maxNum of a key query");
    public static final ConfigKey<Boolean> TRANSIENT_STORE_POOL_ENABLE =
        ConfigKey.ofBool("transientStorePoolEnable", false, "write into off-heap buffers committed to the file (ASYNC_FLUSH master only)");
    public static final ConfigKey<Integer> TRANSIENT_STORE_POOL_SIZE =
        ConfigKey.ofInt("transientStorePoolSize", 5, "number of off-heap buffers");
    public static final ConfigKey<Boolean> FAST_FAIL_IF_NO_BUFFER_IN_STORE_POOL =
        ConfigKey.ofBool("fastFailIfNoBufferInStorePool", false, "refuse puts when no off-heap buffer is free")
        .notHonoured("a put waits for a free off-heap buffer");
    public static final ConfigKey<Boolean> ENABLE_DLEGER_COMMIT_LOG =
        ConfigKey.ofBool("enableDLegerCommitLog", false, "DLedger commit log (not supported; must stay false)");
    public static final ConfigKey<String> D_LEGER_GROUP =
        ConfigKey.ofString("dLegerGroup", null, "DLedger group (unused)")
        .notHonoured("DLedger is not supported");
    public static final ConfigKey<String> D_LEGER_PEERS =
        ConfigKey.ofString("dLegerPeers", null, "DLedger peers (unused)")
        .notHonoured("DLedger is not supported");
    public static final ConfigKey<String> D_LEGER_SELF_ID =
        ConfigKey.ofString("dLegerSelfId", null, "DLedger self id (unused)")
        .notHonoured("DLedger is not supported");
    public static final ConfigKey<String> PREFERRED_LEADER_ID =
        ConfigKey.ofString("preferredLeaderId", null, "DLedger preferred leader (unused)")
        .notHonoured("DLedger is not supported");
    public static final ConfigKey<Boolean> ENABLE_BATCH_PUSH =
        ConfigKey.ofBool("enableBatchPush", false, "DLedger batch push (unused)")
        .notHonoured("DLedger is not supported");
    public static final ConfigKey<Boolean> ENABLE_SCHEDULE_MESSAGE_STATS =
        ConfigKey.ofBool("enableScheduleMessageStats", true, "count delayed messages per level")
        .notHonoured("delayed-message statistics per level cannot be switched off");
    public static final ConfigKey<Boolean> ENABLE_LMQ =
        ConfigKey.ofBool("enableLmq", false, "light message queue (not supported)")
        .notHonoured("light message queues are not supported");
    public static final ConfigKey<Boolean> ENABLE_MULTI_DISPATCH =
        ConfigKey.ofBool("enableMultiDispatch", false, "multi-dispatch (not supported)")
        .notHonoured("multi-dispatch is not supported");
    public static final ConfigKey<Integer> MAX_LMQ_CONSUME_QUEUE_NUM =
        ConfigKey.ofInt("maxLmqConsumeQueueNum", 20000, "light message queue limit (unused)")
        .notHonoured("light message queues are not supported");
    public static final ConfigKey<Boolean> ENABLE_SCHEDULE_ASYNC_DELIVER =
        ConfigKey.ofBool("enableScheduleAsyncDeliver", false, "asynchronous delayed delivery")
        .notHonoured("delayed messages are always delivered synchronously");
    public static final ConfigKey<Integer> SCHEDULE_ASYNC_DELIVER_MAX_PENDING_LIMIT =
        ConfigKey.ofInt("scheduleAsyncDeliverMaxPendingLimit", 2000, "asynchronous delayed delivery pending limit")
        .notHonoured("delayed messages are always delivered synchronously");
    public static final ConfigKey<Integer> SCHEDULE_ASYNC_DELIVER_MAX_RESEND_NUM2_BLOCKED =
        ConfigKey.ofInt("scheduleAsyncDeliverMaxResendNum2Blocked", 3, "asynchronous delayed delivery resend limit")
        .notHonoured("delayed messages are always delivered synchronously");

    public static final ConfigTable TABLE = ConfigTable.of(
        STORE_PATH_ROOT_DIR,
        STORE_PATH_COMMIT_LOG,
        STORE_PATH_DLEDGER_COMMIT_LOG,
        READ_ONLY_COMMIT_LOG_STORE_PATHS,
        MAPPED_FILE_SIZE_COMMIT_LOG,
        MAPPED_FILE_SIZE_CONSUME_QUEUE,
        ENABLE_CONSUME_QUEUE_EXT,
        MAPPED_FILE_SIZE_CONSUME_QUEUE_EXT,
        BIT_MAP_LENGTH_CONSUME_QUEUE_EXT,
        FLUSH_INTERVAL_COMMIT_LOG,
        COMMIT_INTERVAL_COMMIT_LOG,
        USE_REENTRANT_LOCK_WHEN_PUT_MESSAGE,
        FLUSH_COMMIT_LOG_TIMED,
        FLUSH_INTERVAL_CONSUME_QUEUE,
        CLEAN_RESOURCE_INTERVAL,
        DELETE_COMMIT_LOG_FILES_INTERVAL,
        DELETE_CONSUME_QUEUE_FILES_INTERVAL,
        DESTROY_MAPED_FILE_INTERVAL_FORCIBLY,
        REDELETE_HANGED_FILE_INTERVAL,
        DELETE_WHEN,
        DISK_MAX_USED_SPACE_RATIO,
        FILE_RESERVED_TIME,
        PUT_MSG_INDEX_HIGHT_WATER,
        MAX_MESSAGE_SIZE,
        CHECK_CRC_ON_RECOVER,
        FLUSH_COMMIT_LOG_LEAST_PAGES,
        COMMIT_COMMIT_LOG_LEAST_PAGES,
        FLUSH_LEAST_PAGES_WHEN_WARM_MAPED_FILE,
        FLUSH_CONSUME_QUEUE_LEAST_PAGES,
        FLUSH_COMMIT_LOG_THOROUGH_INTERVAL,
        COMMIT_COMMIT_LOG_THOROUGH_INTERVAL,
        FLUSH_CONSUME_QUEUE_THOROUGH_INTERVAL,
        MAX_TRANSFER_BYTES_ON_MESSAGE_IN_MEMORY,
        MAX_TRANSFER_COUNT_ON_MESSAGE_IN_MEMORY,
        MAX_TRANSFER_BYTES_ON_MESSAGE_IN_DISK,
        MAX_TRANSFER_COUNT_ON_MESSAGE_IN_DISK,
        ACCESS_MESSAGE_IN_MEMORY_MAX_RATIO,
        MESSAGE_INDEX_ENABLE,
        MAX_HASH_SLOT_NUM,
        MAX_INDEX_NUM,
        MAX_MSGS_NUM_BATCH,
        MESSAGE_INDEX_SAFE,
        HA_LISTEN_PORT,
        HA_SEND_HEARTBEAT_INTERVAL,
        HA_HOUSEKEEPING_INTERVAL,
        HA_TRANSFER_BATCH_SIZE,
        HA_MASTER_ADDRESS,
        HA_SLAVE_FALLBEHIND_MAX,
        BROKER_ROLE,
        FLUSH_DISK_TYPE,
        SYNC_FLUSH_TIMEOUT,
        SLAVE_TIMEOUT,
        ALL_ACK_IN_SYNC_STATE_SET,
        HA_MAX_TIME_SLAVE_NOT_CATCHUP,
        MESSAGE_DELAY_LEVEL,
        FLUSH_DELAY_OFFSET_INTERVAL,
        CLEAN_FILE_FORCIBLY_ENABLE,
        WARM_MAPED_FILE_ENABLE,
        OFFSET_CHECK_IN_SLAVE,
        DEBUG_LOCK_ENABLE,
        DUPLICATION_ENABLE,
        DISK_FALL_RECORDED,
        OS_PAGE_CACHE_BUSY_TIME_OUT_MILLS,
        DEFAULT_QUERY_MAX_NUM,
        TRANSIENT_STORE_POOL_ENABLE,
        TRANSIENT_STORE_POOL_SIZE,
        FAST_FAIL_IF_NO_BUFFER_IN_STORE_POOL,
        ENABLE_DLEGER_COMMIT_LOG,
        D_LEGER_GROUP,
        D_LEGER_PEERS,
        D_LEGER_SELF_ID,
        PREFERRED_LEADER_ID,
        ENABLE_BATCH_PUSH,
        ENABLE_SCHEDULE_MESSAGE_STATS,
        ENABLE_LMQ,
        ENABLE_MULTI_DISPATCH,
        MAX_LMQ_CONSUME_QUEUE_NUM,
        ENABLE_SCHEDULE_ASYNC_DELIVER,
        SCHEDULE_ASYNC_DELIVER_MAX_PENDING_LIMIT,
        SCHEDULE_ASYNC_DELIVER_MAX_RESEND_NUM2_BLOCKED);

    private final Config config;

    public MessageStoreConfig(Config config) {
        if (config.table() != TABLE && !sameKeys(config.table())) {
            throw new IllegalArgumentException("config was not parsed with MessageStoreConfig.TABLE (or a merge of it)");
        }
        this.config = config;
        if (config.get(ENABLE_CONSUME_QUEUE_EXT) || config.get(ENABLE_DLEGER_COMMIT_LOG)) {
            throw new org.mercurymq.common.config.ConfigException(
                "enableConsumeQueueExt and enableDLegerCommitLog are not supported by Mercury; set them to false");
        }
    }

    private static boolean sameKeys(ConfigTable table) {
        for (ConfigKey<?> k : TABLE.keys()) {
            if (table.key(k.name()) != k) {
                return false;
            }
        }
        return true;
    }

    public static MessageStoreConfig defaults() {
        return new MessageStoreConfig(TABLE.defaults());
    }

    public Config config() {
        return config;
    }

    public <T> MessageStoreConfig with(ConfigKey<T> key, T value) {
        return new MessageStoreConfig(config.with(key, value));
    }

    public <T> T get(ConfigKey<T> key) {
        return config.get(key);
    }

    public String storePathRootDir() {
        return config.get(STORE_PATH_ROOT_DIR);
    }

    public String storePathCommitLog() {
        String explicit = config.get(STORE_PATH_COMMIT_LOG);
        return explicit != null && !explicit.isEmpty() ? explicit : storePathRootDir() + File.separator + "commitlog";
    }

    public String storePathConsumeQueue() {
        return storePathRootDir() + File.separator + "consumequeue";
    }

    public String storePathIndex() {
        return storePathRootDir() + File.separator + "index";
    }

    public String storeCheckpointPath() {
        return storePathRootDir() + File.separator + "checkpoint";
    }

    public String abortFilePath() {
        return storePathRootDir() + File.separator + "abort";
    }

    public String lockFilePath() {
        return storePathRootDir() + File.separator + "lock";
    }

    public int mappedFileSizeCommitLog() {
        return config.get(MAPPED_FILE_SIZE_COMMIT_LOG);
    }

    /** The consume-queue segment size rounded up to a whole number of 20-byte entries. */
    public int mappedFileSizeConsumeQueue() {
        int size = config.get(MAPPED_FILE_SIZE_CONSUME_QUEUE);
        int entries = (size + 19) / 20;
        return entries * 20;
    }

    public int flushIntervalCommitLog() {
        return config.get(FLUSH_INTERVAL_COMMIT_LOG);
    }

    public int commitIntervalCommitLog() {
        return config.get(COMMIT_INTERVAL_COMMIT_LOG);
    }

    public boolean flushCommitLogTimed() {
        return config.get(FLUSH_COMMIT_LOG_TIMED);
    }

    public int flushIntervalConsumeQueue() {
        return config.get(FLUSH_INTERVAL_CONSUME_QUEUE);
    }

    public int cleanResourceInterval() {
        return config.get(CLEAN_RESOURCE_INTERVAL);
    }

    public int deleteCommitLogFilesInterval() {
        return config.get(DELETE_COMMIT_LOG_FILES_INTERVAL);
    }

    public int deleteConsumeQueueFilesInterval() {
        return config.get(DELETE_CONSUME_QUEUE_FILES_INTERVAL);
    }

    public int destroyMapedFileIntervalForcibly() {
        return config.get(DESTROY_MAPED_FILE_INTERVAL_FORCIBLY);
    }

    public int redeleteHangedFileInterval() {
        return config.get(REDELETE_HANGED_FILE_INTERVAL);
    }

    public String deleteWhen() {
        return config.get(DELETE_WHEN);
    }

    /** Clamped to [10, 95] like RocketMQ. */
    public int diskMaxUsedSpaceRatio() {
        return Math.max(10, Math.min(95, config.get(DISK_MAX_USED_SPACE_RATIO)));
    }

    public int fileReservedTime() {
        return config.get(FILE_RESERVED_TIME);
    }

    public int maxMessageSize() {
        return config.get(MAX_MESSAGE_SIZE);
    }

    public boolean checkCRCOnRecover() {
        return config.get(CHECK_CRC_ON_RECOVER);
    }

    public int flushCommitLogLeastPages() {
        return config.get(FLUSH_COMMIT_LOG_LEAST_PAGES);
    }

    public int commitCommitLogLeastPages() {
        return config.get(COMMIT_COMMIT_LOG_LEAST_PAGES);
    }

    public int flushConsumeQueueLeastPages() {
        return config.get(FLUSH_CONSUME_QUEUE_LEAST_PAGES);
    }

    public int flushCommitLogThoroughInterval() {
        return config.get(FLUSH_COMMIT_LOG_THOROUGH_INTERVAL);
    }

    public int commitCommitLogThoroughInterval() {
        return config.get(COMMIT_COMMIT_LOG_THOROUGH_INTERVAL);
    }

    public int flushConsumeQueueThoroughInterval() {
        return config.get(FLUSH_CONSUME_QUEUE_THOROUGH_INTERVAL);
    }

    public int maxTransferBytesOnMessageInMemory() {
        return config.get(MAX_TRANSFER_BYTES_ON_MESSAGE_IN_MEMORY);
    }

    public int maxTransferCountOnMessageInMemory() {
        return config.get(MAX_TRANSFER_COUNT_ON_MESSAGE_IN_MEMORY);
    }

    public int maxTransferBytesOnMessageInDisk() {
        return config.get(MAX_TRANSFER_BYTES_ON_MESSAGE_IN_DISK);
    }

    public int maxTransferCountOnMessageInDisk() {
        return config.get(MAX_TRANSFER_COUNT_ON_MESSAGE_IN_DISK);
    }

    public int accessMessageInMemoryMaxRatio() {
        return config.get(ACCESS_MESSAGE_IN_MEMORY_MAX_RATIO);
    }

    public boolean messageIndexEnable() {
        return config.get(MESSAGE_INDEX_ENABLE);
    }

    public int maxHashSlotNum() {
        return config.get(MAX_HASH_SLOT_NUM);
    }

    public int maxIndexNum() {
        return config.get(MAX_INDEX_NUM);
    }

    public int maxMsgsNumBatch() {
        return config.get(MAX_MSGS_NUM_BATCH);
    }

    public boolean messageIndexSafe() {
        return config.get(MESSAGE_INDEX_SAFE);
    }

    public BrokerRole brokerRole() {
        return config.get(BROKER_ROLE);
    }

    public FlushDiskType flushDiskType() {
        return config.get(FLUSH_DISK_TYPE);
    }

    public int syncFlushTimeout() {
        return config.get(SYNC_FLUSH_TIMEOUT);
    }

    public String messageDelayLevel() {
        return config.get(MESSAGE_DELAY_LEVEL);
    }

    public boolean cleanFileForciblyEnable() {
        return config.get(CLEAN_FILE_FORCIBLY_ENABLE);
    }

    public boolean warmMapedFileEnable() {
        return config.get(WARM_MAPED_FILE_ENABLE);
    }

    public boolean offsetCheckInSlave() {
        return config.get(OFFSET_CHECK_IN_SLAVE);
    }

    public boolean duplicationEnable() {
        return config.get(DUPLICATION_ENABLE);
    }

    public long osPageCacheBusyTimeOutMills() {
        return config.get(OS_PAGE_CACHE_BUSY_TIME_OUT_MILLS);
    }

    public int defaultQueryMaxNum() {
        return config.get(DEFAULT_QUERY_MAX_NUM);
    }

    /** The off-heap write buffers are used only by an ASYNC_FLUSH master, as in RocketMQ. */
    public boolean transientStorePoolEnable() {
        return config.get(TRANSIENT_STORE_POOL_ENABLE)
            && flushDiskType() == FlushDiskType.ASYNC_FLUSH
            && brokerRole() != BrokerRole.SLAVE;
    }

    public int transientStorePoolSize() {
        return config.get(TRANSIENT_STORE_POOL_SIZE);
    }

    public boolean fastFailIfNoBufferInStorePool() {
        return config.get(FAST_FAIL_IF_NO_BUFFER_IN_STORE_POOL);
    }

    public int haListenPort() {
        return config.get(HA_LISTEN_PORT);
    }

    public String haMasterAddress() {
        return config.get(HA_MASTER_ADDRESS);
    }

    public int haSendHeartbeatInterval() {
        return config.get(HA_SEND_HEARTBEAT_INTERVAL);
    }

    public int haHousekeepingInterval() {
        return config.get(HA_HOUSEKEEPING_INTERVAL);
    }

    public int haTransferBatchSize() {
        return config.get(HA_TRANSFER_BATCH_SIZE);
    }

    public int haSlaveFallbehindMax() {
        return config.get(HA_SLAVE_FALLBEHIND_MAX);
    }

    public int slaveTimeout() {
        return config.get(SLAVE_TIMEOUT);
    }

    public boolean allAckInSyncStateSet() {
        return config.get(ALL_ACK_IN_SYNC_STATE_SET);
    }

    public long haMaxTimeSlaveNotCatchup() {
        return config.get(HA_MAX_TIME_SLAVE_NOT_CATCHUP);
    }
}
