package org.mercurymq.store.retention;

import org.mercurymq.store.commitlog.CommitLog;
import org.mercurymq.store.index.IndexService;
import org.mercurymq.store.queue.ConsumeQueueTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the commit-log min offset advanced, deletes consume-queue segments and index files that point
 * wholly below it and recomputes each queue's min offset. Thread-safety: run from one scheduler thread.
 */
public final class CleanConsumeQueueService {
    private static final Logger LOG = LoggerFactory.getLogger(CleanConsumeQueueService.class);

    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final IndexService indexService;
    private long lastPhysicalMinOffset;

    /** {@code indexService} may be null when the index is disabled. */
    public CleanConsumeQueueService(CommitLog commitLog, ConsumeQueueTable consumeQueues, IndexService indexService) {
        this.commitLog = commitLog;
        this.consumeQueues = consumeQueues;
        this.indexService = indexService;
    }

    public void run() {
        long minOffset = commitLog.getMinOffset();
        if (minOffset <= lastPhysicalMinOffset) {
            return;
        }
        lastPhysicalMinOffset = minOffset;
        int[] deleted = {0};
        consumeQueues.forEach(cq -> deleted[0] += cq.deleteExpiredFile(minOffset));
        if (indexService != null) {
            indexService.deleteExpiredFile(minOffset);
        }
        LOG.info("commit-log min offset is now {}; deleted {} consume-queue segments", minOffset, deleted[0]);
    }
}
