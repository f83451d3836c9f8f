package org.mercurymq.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageExtBatch;
import org.mercurymq.store.commitlog.CommitLog;
import org.mercurymq.store.commitlog.RecordReader;
import org.mercurymq.store.dispatch.ReputMessageService;
import org.mercurymq.store.ha.HAClient;
import org.mercurymq.store.ha.HAService;
import org.mercurymq.store.ha.epoch.EpochEntry;
import org.mercurymq.store.ha.epoch.EpochFile;
import org.mercurymq.store.ha.epoch.SyncStateSetTracker;
import org.mercurymq.store.index.IndexService;
import org.mercurymq.store.logfile.TransientStorePool;
import org.mercurymq.store.queue.ConsumeQueue;
import org.mercurymq.store.queue.ConsumeQueueTable;
import org.mercurymq.store.queue.FlushConsumeQueueService;
import org.mercurymq.store.recovery.HoleFinder;
import org.mercurymq.store.recovery.StoreCheckpoint;
import org.mercurymq.store.recovery.StoreFiles;
import org.mercurymq.store.recovery.StoreRecovery;
import org.mercurymq.store.retention.CleanCommitLogService;
import org.mercurymq.store.retention.CleanConsumeQueueService;
import org.mercurymq.store.retention.ConsumerProgress;
import org.mercurymq.store.retention.DiskSpace;
import org.mercurymq.store.retention.ForcedCleanReporter;
import org.mercurymq.store.retention.FreeSpaceGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as the broker uses it: builds and wires the commit log, consume queues, index, dispatcher,
 * flush, recovery and retention parts, runs their lifecycle in order, and gates puts on the store state.
 * Reads are delegated to {@link MessageReader}. Thread-safe.
 */
public final class DefaultMessageStore implements MessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMessageStore.class);
    private static final long SPACE_CHECK_MILLIS = 100;
    private static final Set<String> SYSTEM_TOPICS = Set.of(RecordReader.SCHEDULE_TOPIC,
        "RMQ_SYS_TRANS_HALF_TOPIC", "RMQ_SYS_TRANS_OP_HALF_TOPIC");

    private final MessageStoreConfig config;
    /** The config as updated at run time: the keys marked runtime() are read from here (docs/broker.md). */
    private volatile MessageStoreConfig liveConfig;
    private final Clock clock;
    private final StoreState state = new StoreState();
    private final StorageFaults faults = new StorageFaults(state);
    private final FreeSpaceGuard spaceGuard;
    private final StoreFiles storeFiles;
    private final StoreCheckpoint checkpoint;
    private final TransientStorePool transientStorePool;
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final IndexService indexService;
    private final RecordReader recordReader;
    private final ReputMessageService reputService;
    private final FlushConsumeQueueService flushConsumeQueueService;
    private final CleanCommitLogService cleanCommitLogService;
    private final CleanConsumeQueueService cleanConsumeQueueService;
    private final MessageReader reader;
    private final StoreStats stats;
    private final EpochFile epochFile;
    /** The replication role now: the configured one, or in controller mode the one the controller gave. */
    private volatile BrokerRole role;
    private volatile HAService haService;
    private volatile HAClient haClient;
    private volatile ScheduledExecutorService scheduler;
    private long reputFromOffset;
    private boolean loaded;

    public DefaultMessageStore(MessageStoreConfig config, Clock clock, MessageArrivingListener listener) {
        this(config, clock, listener, DiskSpace.FILE_SYSTEM);
    }

    public DefaultMessageStore(MessageStoreConfig config, Clock clock, MessageArrivingListener listener,
                               DiskSpace diskSpace) {
        this(config, clock, listener, diskSpace, ConsumerProgress.NONE);
    }

    /**
     * {@code consumerProgress} tells forced cleanup which consumer groups lose unconsumed messages (the
     * broker implements it from its committed offsets).
     */
    public DefaultMessageStore(MessageStoreConfig config, Clock clock, MessageArrivingListener listener,
                               DiskSpace diskSpace, ConsumerProgress consumerProgress) {
        this.config = config;
        this.liveConfig = config;
        this.clock = clock;
        this.stats = new StoreStats(clock.millis());
        this.storeFiles = new StoreFiles(config.lockFilePath(), config.abortFilePath());
        this.checkpoint = new StoreCheckpoint(config.storeCheckpointPath());
        this.transientStorePool = config.transientStorePoolEnable()
            ? new TransientStorePool(config.transientStorePoolSize(), config.mappedFileSizeCommitLog()) : null;
        this.recordReader = new RecordReader(DelayLevels.parse(config.messageDelayLevel()));
        this.consumeQueues = new ConsumeQueueTable(config.storePathConsumeQueue(), config.mappedFileSizeConsumeQueue());
        this.indexService = config.messageIndexEnable()
            ? new IndexService(config.storePathIndex(), config.maxHashSlotNum(), config.maxIndexNum(),
            config.maxMsgsNumBatch(), clock, checkpoint, state) : null;
        // the dispatcher polls every millisecond: waking it on each append would cost a futex wake per put
        this.commitLog = new CommitLog(config, clock, state, faults, checkpoint, transientStorePool);
        commitLog.getMappedFileQueue().setFlushObserver(stats.commitLogFlushLatency()::record);
        // Unlike RocketMQ 4.9, a slave also wakes parked pulls as replicated messages are dispatched: consumers
        // that fell back to the slave get new messages at once instead of at the next 5 s hold check.
        this.reputService = new ReputMessageService(commitLog, recordReader, consumeQueues, indexService, listener, state,
            faults, clock::millis);
        this.flushConsumeQueueService = new FlushConsumeQueueService(consumeQueues, checkpoint, faults,
            reputService::getLastDispatchedStoreTimestamp, System::currentTimeMillis, config.flushIntervalConsumeQueue(),
            config.flushConsumeQueueLeastPages(), config.flushConsumeQueueThoroughInterval());
        this.cleanCommitLogService = new CleanCommitLogService(() -> liveConfig, clock, commitLog, state, diskSpace,
            ratioProperty("rocketmq.broker.diskSpaceWarningLevelRatio", 0.90),
            ratioProperty("rocketmq.broker.diskSpaceCleanForciblyRatio", 0.85),
            new ForcedCleanReporter(consumeQueues, consumerProgress, stats));
        this.spaceGuard = new FreeSpaceGuard(state, diskSpace, new String[] {config.storePathCommitLog(),
            config.storePathConsumeQueue(), config.storePathIndex()}, FreeSpaceGuard.reserveFor(config),
            config.mappedFileSizeCommitLog(), () -> reputService.stalledReason() != null, clock::millis,
            SPACE_CHECK_MILLIS);
        this.cleanConsumeQueueService = new CleanConsumeQueueService(commitLog, consumeQueues, indexService);
        this.reader = new MessageReader(() -> liveConfig, commitLog, consumeQueues, indexService, totalPhysicalMemory());
        this.role = config.brokerRole();
        this.epochFile = new EpochFile(Path.of(config.storePathRootDir(), "epochFileCheckpoint"));
        boolean slave = role == BrokerRole.SLAVE;
        this.haService = slave ? null : new HAService(this, config);
        this.haClient = slave ? new HAClient(this, config, faults) : null;
    }

    private static double ratioProperty(String name, double defaultValue) {
        String v = System.getProperty(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new org.mercurymq.common.config.ConfigException("system property " + name + " must be a ratio, was " + v);
        }
    }

    private static long totalPhysicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    @Override
    public synchronized void load() {
        if (loaded) {
            return;
        }
        storeFiles.acquireLock();
        try {
            boolean lastExitOK = !storeFiles.lastExitAbnormal();
            LOG.info("loading store at {} (last exit {})", config.storePathRootDir(), lastExitOK ? "normal" : "ABNORMAL");
            if (transientStorePool != null) {
                transientStorePool.init();
            }
            checkpoint.discardIfImplausible(clock.millis());
            epochFile.load();
            commitLog.load();
            consumeQueues.load();
            StoreRecovery recovery = new StoreRecovery(commitLog, consumeQueues, checkpoint, recordReader,
                config.checkCRCOnRecover(), config.messageIndexSafe(), config.maxMessageSize());
            reputFromOffset = recovery.recover(lastExitOK);
            stats.onRecoveryHoles(recovery.holes().size(),
                recovery.holes().stream().mapToLong(HoleFinder.Hole::length).sum());
            if (indexService != null) {
                indexService.load(lastExitOK, commitLog.getMaxOffset());
                long indexFrom = Math.max(indexService.rebuildFrom(), Math.max(0, commitLog.getMinOffset()));
                if (indexFrom < reputFromOffset) {
                    LOG.info("re-dispatch starts at {} instead of {} to rebuild the index", indexFrom, reputFromOffset);
                    reputFromOffset = indexFrom;
                }
            }
            loaded = true;
            LOG.info("store loaded: commit log [{}, {}), dispatch from {}", commitLog.getMinOffset(),
                commitLog.getMaxOffset(), reputFromOffset);
        } catch (RuntimeException e) {
            storeFiles.releaseLock();
            throw e;
        }
    }

    @Override
    public synchronized void start() {
        if (!loaded) {
            throw new IllegalStateException("load() must succeed before start()");
        }
        storeFiles.createAbortFile();
        reputService.setReputFromOffset(reputFromOffset);
        long before = reputService.behind();
        reputService.doReput();
        LOG.info("re-dispatched {} bytes of commit log at start-up", before);
        spaceGuard.checkNow();
        commitLog.setTopicQueueTable(consumeQueues.nextOffsets());
        commitLog.start();
        reputService.start();
        flushConsumeQueueService.start();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "StoreScheduledThread");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::cleanFilesSafely, 60_000, config.cleanResourceInterval(),
            TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(() -> stats.sample(clock.millis()), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(() -> stats.logMinute(clock.millis()), 60, 60, TimeUnit.SECONDS);
        state.setRunning(true);
        String readOnly = state.whyNotWriteable();
        if (readOnly != null) {
            // e.g. restarted on a full disk: serve reads, refuse puts until space is freed
            LOG.error("store starts READ-ONLY: {}", readOnly);
        }
        HAService master = haService;
        if (master != null) {
            master.start();
        }
        HAClient slave = haClient;
        if (slave != null) {
            slave.start();
        }
        LOG.info("store started");
    }

    @Override
    public synchronized void shutdown() {
        if (!loaded) {
            return;
        }
        boolean wasRunning = state.isRunning();
        HAClient slave = haClient;
        if (slave != null) {
            slave.shutdown();
        }
        HAService master = haService;
        if (master != null) {
            master.shutdown();
        }
        state.setRunning(false);
        if (scheduler != null) {
            scheduler.shutdownNow();
            awaitQuietly(scheduler);
        }
        if (wasRunning) {
            commitLog.shutdown();
            reputService.shutdown();
            flushConsumeQueueService.shutdown();
        }
        // each step on its own: a failing disk must not leave the lock held and the files open
        if (indexService != null) {
            shutdownStep("index flush", indexService::shutdown);
        }
        long physicTs = commitLog.getMappedFileQueue().getStoreTimestamp();
        if (physicTs > 0) {
            checkpoint.setPhysicMsgTimestamp(physicTs);
        }
        shutdownStep("checkpoint flush", checkpoint::shutdown);
        shutdownStep("commit-log close", commitLog.getMappedFileQueue()::shutdown);
        shutdownStep("consume-queue close", consumeQueues::shutdown);
        boolean clean = state.getWriteError() == null && reputService.behind() == 0;
        if (wasRunning && clean) {
            storeFiles.deleteAbortFile();
        } else if (wasRunning) {
            LOG.warn("store shut down with errors or undispatched data; next start runs abnormal recovery");
        }
        if (transientStorePool != null) {
            transientStorePool.destroy();
        }
        storeFiles.releaseLock();
        loaded = false;
        LOG.info("store shut down");
    }

    private void shutdownStep(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            faults.fault(what + " at shutdown", e);
        }
    }

    private static void awaitQuietly(ScheduledExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void destroy() {
        consumeQueues.destroy();
        commitLog.getMappedFileQueue().destroy();
        if (indexService != null) {
            indexService.destroy();
        }
        new java.io.File(config.storeCheckpointPath()).delete();
        new java.io.File(config.abortFilePath()).delete();
    }

    // ---- writes ---------------------------------------------------------------------------------

    private PutMessageStatus checkStoreStatus() {
        if (role == BrokerRole.SLAVE) {
            return PutMessageStatus.SERVICE_NOT_AVAILABLE;
        }
        spaceGuard.check();
        String why = state.whyNotWriteable();
        if (why != null) {
            LOG.warn("put refused: {}", why);
            return PutMessageStatus.SERVICE_NOT_AVAILABLE;
        }
        if (isOSPageCacheBusy()) {
            return PutMessageStatus.OS_PAGECACHE_BUSY;
        }
        return null;
    }

    @Override
    public CompletableFuture<PutMessageResult> asyncPutMessage(MessageExtBrokerInner msg) {
        PutMessageStatus refused = checkStoreStatus();
        if (refused != null) {
            stats.onPut(1, 0, 0, false);
            return CompletableFuture.completedFuture(PutMessageResult.refused(refused));
        }
        long begin = System.nanoTime();
        return commitLog.asyncPutMessage(msg).thenCompose(r -> awaitReplica(r, msg.isWaitStoreMsgOK()))
            .thenApply(r -> record(r, begin));
    }

    @Override
    public CompletableFuture<PutMessageResult> asyncPutMessages(MessageExtBatch batch) {
        PutMessageStatus refused = checkStoreStatus();
        if (refused != null) {
            stats.onPut(1, 0, 0, false);
            return CompletableFuture.completedFuture(PutMessageResult.refused(refused));
        }
        long begin = System.nanoTime();
        return commitLog.asyncPutMessages(batch).thenCompose(r -> awaitReplica(r, batch.isWaitStoreMsgOK()))
            .thenApply(r -> record(r, begin));
    }

    @Override
    public PutMessageResult putMessage(MessageExtBrokerInner msg) {
        PutMessageStatus refused = checkStoreStatus();
        if (refused != null) {
            stats.onPut(1, 0, 0, false);
            return PutMessageResult.refused(refused);
        }
        long begin = System.nanoTime();
        return record(awaitReplica(commitLog.putMessage(msg), msg.isWaitStoreMsgOK()).join(), begin);
    }

    @Override
    public PutMessageResult putMessages(MessageExtBatch batch) {
        PutMessageStatus refused = checkStoreStatus();
        if (refused != null) {
            stats.onPut(1, 0, 0, false);
            return PutMessageResult.refused(refused);
        }
        long begin = System.nanoTime();
        return record(awaitReplica(commitLog.putMessages(batch), batch.isWaitStoreMsgOK()).join(), begin);
    }

    /**
     * SYNC_MASTER with WAIT: completes once a slave acked the message end, FLUSH_SLAVE_TIMEOUT after
     * slaveTimeout, or SLAVE_NOT_AVAILABLE at once when no slave is close enough. The message stays
     * stored in every case; a replica status overrides a flush status.
     */
    private CompletableFuture<PutMessageResult> awaitReplica(PutMessageResult r, boolean waitStoreMsgOK) {
        HAService ha = haService;
        if (ha != null && ha.controllerMode() && liveConfig.allAckInSyncStateSet() && r.isOk()) {
            // controller mode (docs/controller.md): acknowledged only once every SyncStateSet member has it,
            // so an election (which picks from the set) can never lose it; WAIT=false does not weaken that
            AppendMessageResult a = r.getAppendMessageResult();
            return ha.awaitAllInSyncAck(a.getWroteOffset() + a.getWroteBytes())
                .thenApply(acked -> acked ? r : r.withStatus(PutMessageStatus.FLUSH_SLAVE_TIMEOUT));
        }
        if (ha == null || role != BrokerRole.SYNC_MASTER || !waitStoreMsgOK || !r.isOk()) {
            if (ha != null) {
                ha.notifyNewData();
            }
            return CompletableFuture.completedFuture(r);
        }
        AppendMessageResult a = r.getAppendMessageResult();
        long endOffset = a.getWroteOffset() + a.getWroteBytes();
        if (!ha.isSlaveOK(endOffset)) {
            return CompletableFuture.completedFuture(r.withStatus(PutMessageStatus.SLAVE_NOT_AVAILABLE));
        }
        return ha.awaitSlaveAck(endOffset)
            .thenApply(acked -> acked ? r : r.withStatus(PutMessageStatus.FLUSH_SLAVE_TIMEOUT));
    }

    private PutMessageResult record(PutMessageResult r, long beginNanos) {
        if (r.getPutMessageStatus() == PutMessageStatus.PUT_OK && state.getWriteError() != null) {
            // a storage fault raced with this put: it may not be durable, so it is not acknowledged
            r = r.withStatus(PutMessageStatus.UNKNOWN_ERROR);
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - beginNanos);
        AppendMessageResult a = r.getAppendMessageResult();
        stats.onPut(a == null ? 1 : a.getMsgNum(), a == null ? 0 : a.getWroteBytes(), elapsed, r.isOk());
        return r;
    }

    @Override
    public boolean appendToCommitLog(long startOffset, byte[] data, int dataStart, int dataLength) {
        if (!state.isRunning()) {
            return false;
        }
        return commitLog.appendData(startOffset, data, dataStart, dataLength);
    }

    // ---- reads ----------------------------------------------------------------------------------

    @Override
    public GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                       MessageFilter messageFilter) {
        if (!state.isRunning()) {
            throw new IllegalStateException("the message store is not running");
        }
        long begin = System.nanoTime();
        GetMessageResult result = reader.getMessage(topic, queueId, offset, maxMsgNums, messageFilter);
        stats.onGet(result.getStatus() == GetMessageStatus.FOUND, result.getMessageCount(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return result;
    }

    @Override
    public GetMessageResult getMessageUncounted(String group, String topic, int queueId, long offset, int maxMsgNums,
                                                MessageFilter messageFilter) {
        if (!state.isRunning()) {
            throw new IllegalStateException("the message store is not running");
        }
        return reader.getMessage(topic, queueId, offset, maxMsgNums, messageFilter);
    }

    @Override
    public long getMaxOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = consumeQueues.find(topic, queueId);
        return cq == null ? 0 : cq.getMaxOffsetInQueue();
    }

    @Override
    public long getMinOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = consumeQueues.find(topic, queueId);
        return cq == null ? 0 : cq.getMinOffsetInQueue();
    }

    @Override
    public long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset) {
        ConsumeQueue cq = consumeQueues.find(topic, queueId);
        return cq == null ? 0 : cq.getCommitLogOffset(consumeQueueOffset);
    }

    @Override
    public long getOffsetInQueueByTime(String topic, int queueId, long timestamp) {
        return reader.getOffsetInQueueByTime(topic, queueId, timestamp);
    }

    @Override
    public MessageExt lookMessageByOffset(long commitLogOffset) {
        return reader.lookMessageByOffset(commitLogOffset);
    }

    @Override
    public SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset) {
        return reader.selectOneMessageByOffset(commitLogOffset);
    }

    @Override
    public SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset, int msgSize) {
        return commitLog.getMessage(commitLogOffset, msgSize);
    }

    @Override
    public QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end) {
        return reader.queryMessage(topic, key, maxNum, begin, end);
    }

    @Override
    public long getMaxPhyOffset() {
        return commitLog.getMaxOffset();
    }

    @Override
    public long getMinPhyOffset() {
        return commitLog.getMinOffset();
    }

    @Override
    public long getEarliestMessageTime(String topic, int queueId) {
        ConsumeQueue cq = consumeQueues.find(topic, queueId);
        if (cq == null || cq.getMaxOffsetInQueue() == 0) {
            return -1;
        }
        return reader.getMessageStoreTimeStamp(topic, queueId, cq.getMinOffsetInQueue());
    }

    @Override
    public long getEarliestMessageTime() {
        return reader.getEarliestMessageTime();
    }

    @Override
    public long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset) {
        return reader.getMessageStoreTimeStamp(topic, queueId, consumeQueueOffset);
    }

    @Override
    public long getMessageTotalInQueue(String topic, int queueId) {
        ConsumeQueue cq = consumeQueues.find(topic, queueId);
        return cq == null ? 0 : cq.getMessageTotalInQueue();
    }

    @Override
    public boolean checkInDiskByConsumeOffset(String topic, int queueId, long consumeOffset) {
        return reader.checkInDiskByConsumeOffset(topic, queueId, consumeOffset);
    }

    @Override
    public SelectMappedBufferResult getCommitLogData(long offset) {
        return commitLog.getData(offset);
    }

    @Override
    public void updateHaMasterAddress(String address) {
        HAClient slave = haClient;
        if (slave != null) {
            slave.updateMasterAddress(address);
        }
    }

    @Override
    public int haListenPort() {
        HAService master = haService;
        return master == null ? -1 : master.getListenPort();
    }

    @Override
    public long slaveAckOffset() {
        HAService master = haService;
        return master == null ? getMaxPhyOffset() : master.getSlaveAckOffset();
    }

    // ---- controller mode (docs/controller.md) ---------------------------------------------------

    @Override
    public BrokerRole role() {
        return role;
    }

    @Override
    public List<EpochEntry> epochEntries() {
        return epochFile.entries();
    }

    @Override
    public int lastEpoch() {
        return epochFile.lastEpoch();
    }

    @Override
    public synchronized void changeToMaster(int epoch, long brokerId, Set<Long> syncStateSet, BrokerRole masterRole) {
        if (epoch < epochFile.lastEpoch()) {
            throw new IllegalStateException("master epoch " + epoch + " is older than this store's last epoch "
                + epochFile.lastEpoch());
        }
        HAClient slave = haClient;
        haClient = null;
        if (slave != null) {
            slave.shutdown();
        }
        // every replicated message must be in the consume queues before the queue offsets of new puts are taken;
        // what is left after a full dispatch is the first part of a record the dead master never finished sending
        commitLog.getMappedFileQueue().flush(0);
        reputService.doReput();
        long complete = reputService.getReputFromOffset();
        if (complete < commitLog.getMaxOffset() && reputService.stalledReason() == null) {
            long partial = commitLog.getMaxOffset() - complete;
            reputService.truncateTo(complete, () -> commitLog.truncateTo(complete));
            LOG.warn("new master cuts the incomplete record at the end of its replicated log: {} bytes at {}", partial,
                complete);
        }
        long max = commitLog.getMaxOffset();
        epochFile.truncateFrom(max + 1);
        epochFile.truncateEpochsFrom(epoch);
        epochFile.append(epoch, max);
        commitLog.setTopicQueueTable(consumeQueues.nextOffsets());
        HAService old = haService;
        if (old != null) {
            old.shutdown();
        }
        SyncStateSetTracker tracker = new SyncStateSetTracker(brokerId, syncStateSet, max, clock::millis,
            liveConfig.haMaxTimeSlaveNotCatchup());
        HAService master = new HAService(this, liveConfig, tracker);
        master.start();
        haService = master;
        // consumers read only what every member has (RocketMQ 5's confirm offset): a failover cannot take it back
        commitLog.boundDispatchBy(liveConfig.allAckInSyncStateSet() ? tracker::minMemberAck : null);
        role = masterRole;
        LOG.info("store is now {} of epoch {} from commit-log offset {} (dispatch behind {} bytes), last epochs {}",
            masterRole, epoch, max, reputService.behind(), last(epochFile.entries(), 3));
    }

    @Override
    public synchronized void changeToSlave(String masterHaAddress, int epoch, long brokerId) {
        role = BrokerRole.SLAVE;
        commitLog.boundDispatchBy(null);
        HAService master = haService;
        haService = null;
        if (master != null) {
            master.shutdown();
        }
        HAClient old = haClient;
        if (old != null) {
            old.shutdown();
        }
        HAClient slave = new HAClient(this, liveConfig, faults, masterHaAddress, brokerId, this::alignWithMaster);
        haClient = slave;
        slave.start();
        LOG.info("store is now a SLAVE (id {}) of the master at {} in epoch {}", brokerId, masterHaAddress, epoch);
    }

    private static List<EpochEntry> last(List<EpochEntry> entries, int n) {
        return entries.subList(Math.max(0, entries.size() - n), entries.size());
    }

    /** The SyncStateSet view of the current controller-mode master term, or null. */
    @Override
    public SyncStateSetTracker syncStateSetTracker() {
        HAService master = haService;
        return master == null ? null : master.tracker();
    }

    @Override
    public void onSyncStateSetDecided() {
        HAService master = haService;
        if (master != null) {
            master.onSyncStateSetDecided();
        }
    }

    /**
     * The slave's side of the handshake (docs/controller.md, "Truncation"): cut back to the consistent point with the
     * master's epochs, then take the master's epoch history. An empty replica keeps nothing to cut; a replica with no
     * epoch in common with the master is not cut at all (and does not replicate): an operator must look at it.
     */
    private void alignWithMaster(List<EpochEntry> masterEpochs, long masterMax) throws java.io.IOException {
        List<EpochEntry> local = epochFile.entries();
        long localMax = commitLog.getMaxOffset();
        long point;
        if (local.isEmpty()) {
            point = Math.min(localMax, masterMax);
        } else {
            point = EpochFile.consistentPoint(local, localMax, masterEpochs, masterMax);
        }
        if (point < 0) {
            throw new java.io.IOException("no epoch in common with the master (local " + local + ", master "
                + masterEpochs + "): not replicating; this store diverged and must be inspected");
        }
        if (point < localMax) {
            long cut = localMax - point;
            reputService.truncateTo(point, () -> {
                consumeQueues.truncateDirty(point);
                commitLog.truncateTo(point);
            });
            LOG.warn("replica truncated at commit-log offset {}: {} bytes the master does not have were dropped "
                + "(last local epochs {}, last master epochs {}, master max {})", point, cut, last(local, 3),
                last(masterEpochs, 3), masterMax);
        }
        epochFile.replaceAll(masterEpochs);
    }

    /** The master's replication service, or null on a slave. */
    public HAService haService() {
        return haService;
    }

    /** The slave's replication client, or null on a master. */
    public HAClient haClient() {
        return haClient;
    }

    /** Commit-log bytes written but not yet forced to disk. */
    public long flushBehindBytes() {
        return commitLog.remainHowManyDataToFlush();
    }

    @Override
    public long dispatchBehindBytes() {
        return reputService.behind();
    }

    // ---- maintenance ----------------------------------------------------------------------------

    private void cleanFilesSafely() {
        try {
            cleanExpiredFilesNow();
        } catch (RuntimeException e) {
            LOG.error("expired-file cleanup failed", e);
        }
    }

    /** One retention run now (the scheduler runs it every cleanResourceInterval). */
    public void cleanExpiredFilesNow() {
        cleanCommitLogService.run();
        cleanConsumeQueueService.run();
    }

    @Override
    public void executeDeleteFilesManually() {
        cleanCommitLogService.executeDeleteFilesManually();
        // Mercury: one cleaner run at once on the store's scheduler (RocketMQ waits for the next periodic run,
        // up to cleanResourceInterval, and 60 s after start); the caller waits for it up to 10 s
        ScheduledExecutorService s = scheduler;
        if (s != null && !s.isShutdown()) {
            try {
                s.submit(this::cleanFilesSafely).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                     | java.util.concurrent.RejectedExecutionException e) {
                LOG.warn("manual commit-log deletion: the immediate cleaner run did not finish: {}", e.toString());
            }
        }
    }

    @Override
    public boolean hasConsumeQueue(String topic, int queueId) {
        return consumeQueues.find(topic, queueId) != null;
    }

    @Override
    public List<ConsumeQueueEntry> readConsumeQueue(String topic, int queueId, long index, int count) {
        ConsumeQueue cq = consumeQueues.find(topic, queueId);
        SelectMappedBufferResult buffer = cq == null || index < 0 ? null : cq.getIndexBuffer(index);
        if (buffer == null) {
            return null;
        }
        try {
            java.nio.ByteBuffer b = buffer.getByteBuffer();
            List<ConsumeQueueEntry> out = new ArrayList<>();
            for (int i = 0; i + ConsumeQueue.CQ_STORE_UNIT_SIZE <= buffer.getSize() && out.size() < count;
                 i += ConsumeQueue.CQ_STORE_UNIT_SIZE) {
                out.add(new ConsumeQueueEntry(b.getLong(), b.getInt(), b.getLong()));
            }
            return out;
        } finally {
            buffer.release();
        }
    }

    @Override
    public void applyRuntimeConfig(MessageStoreConfig next) {
        liveConfig = next;
        commitLog.retuneFlush(next);
        flushConsumeQueueService.retune(next.flushIntervalConsumeQueue(), next.flushConsumeQueueLeastPages(),
            next.flushConsumeQueueThoroughInterval());
    }

    @Override
    public MessageStoreConfig liveConfig() {
        return liveConfig;
    }

    @Override
    public void cleanExpiredConsumerQueue() {
        long minCommitLogOffset = commitLog.getMinOffset();
        List<ConsumeQueue> expired = new ArrayList<>();
        consumeQueues.forEach(cq -> {
            long maxPhy = cq.getMaxPhysicOffset();
            if (maxPhy >= 0 && maxPhy <= minCommitLogOffset) {
                expired.add(cq);
            }
        });
        for (ConsumeQueue cq : expired) {
            LOG.info("removing expired consume queue {}-{} (max commit-log offset {} <= min {})", cq.getTopic(),
                cq.getQueueId(), cq.getMaxPhysicOffset(), minCommitLogOffset);
            commitLog.removeQueueFromTopicQueueTable(cq.getTopic(), cq.getQueueId());
            consumeQueues.remove(cq);
        }
    }

    @Override
    public int cleanUnusedTopic(Set<String> retainTopics) {
        Set<String> unused = new HashSet<>();
        for (String topic : consumeQueues.topics()) {
            if (!retainTopics.contains(topic) && !SYSTEM_TOPICS.contains(topic)) {
                unused.add(topic);
            }
        }
        return deleteTopics(unused);
    }

    @Override
    public int deleteTopics(Set<String> deleteTopics) {
        consumeQueues.forEach(cq -> {
            if (deleteTopics.contains(cq.getTopic())) {
                commitLog.removeQueueFromTopicQueueTable(cq.getTopic(), cq.getQueueId());
            }
        });
        return consumeQueues.deleteTopics(deleteTopics);
    }

    @Override
    public boolean isOSPageCacheBusy() {
        return commitLog.lockHeldMillis() > liveConfig.osPageCacheBusyTimeOutMills();
    }

    @Override
    public long lockTimeMills() {
        return commitLog.lockHeldMillis();
    }

    @Override
    public Map<String, String> getRuntimeInfo() {
        Map<String, String> info = stats.runtimeInfo(clock.millis());
        info.put("commitLogMinOffset", String.valueOf(getMinPhyOffset()));
        info.put("commitLogMaxOffset", String.valueOf(getMaxPhyOffset()));
        info.put("commitLogDiskRatio", String.valueOf(
            DiskSpace.FILE_SYSTEM.usedRatio(config.storePathCommitLog())));
        info.put("consumeQueueDiskRatio", String.valueOf(
            DiskSpace.FILE_SYSTEM.usedRatio(config.storePathConsumeQueue())));
        info.put("dispatchBehindBytes", String.valueOf(dispatchBehindBytes()));
        info.put("pageCacheLockTimeMills", String.valueOf(lockTimeMills()));
        info.put("earliestMessageTimeStamp", String.valueOf(getEarliestMessageTime()));
        return info;
    }

    @Override
    public StoreStats getStoreStats() {
        return stats;
    }

    @Override
    public MessageStoreConfig getMessageStoreConfig() {
        return config;
    }

    @Override
    public String whyNotWriteable() {
        return state.whyNotWriteable();
    }

    @Override
    public void setWriteable(boolean writeable) {
        state.setNotWriteableByAdmin(!writeable);
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
