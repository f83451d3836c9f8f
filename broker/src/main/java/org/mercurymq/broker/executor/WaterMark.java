package org.mercurymq.broker.executor;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the depth and head wait of the request queues once per call, one line per queue, as RocketMQ's
 * watermark log does: {@code [WATERMARK] Send Queue Size: 3 SlowTimeMills: 12}. Its logger is routed to
 * watermark.log by conf/logback_broker.xml (docs/metrics.md, "Log files"). Thread-safe.
 */
public final class WaterMark {
    private static final Logger LOG = LoggerFactory.getLogger(WaterMark.class);

    /** A queue and the word the line names it by (Send, Pull, Query, Transaction). */
    public record Watched(String label, RequestExecutor executor) {
    }

    private final List<Watched> queues;

    public WaterMark(List<Watched> queues) {
        this.queues = List.copyOf(queues);
    }

    public void log() {
        for (Watched w : queues) {
            LOG.info("[WATERMARK] {} Queue Size: {} SlowTimeMills: {}", w.label(), w.executor().queueSize(),
                w.executor().headWaitMillis());
        }
    }
}
