package org.mercurymq.tools.monitor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.body.ConsumeStats;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.protocol.body.OffsetWrapper;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.stats.ConsumerRunningInfoText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring loop of {@code mqadmin startMonitoring}, as RocketMQ 4.9.7's (docs/mqadmin.md): every period
 * (RocketMQ: first after 20 s, then every 60 s) one round over the groups that have a {@code %RETRY%} topic logs
 * each group's backlog per topic and the problems the clients' running info shows. It only logs (logger
 * {@value #LOGGER}). The admin session and the pull consumer (group TOOLS_CONSUMER, used to read the newest
 * message of a queue) are started and shut down by the caller.
 */
public final class MonitorService {
    public static final String LOGGER = "MercuryMonitor";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final DefaultMQAdminExt admin;
    private final DefaultMQPullConsumer pullConsumer;
    private final long firstDelayMillis;
    private final long periodMillis;
    private final ScheduledExecutorService timer;

    public MonitorService(DefaultMQAdminExt admin, DefaultMQPullConsumer pullConsumer, long firstDelayMillis,
        long periodMillis) {
        this.admin = admin;
        this.pullConsumer = pullConsumer;
        this.firstDelayMillis = firstDelayMillis;
        this.periodMillis = periodMillis;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "MonitorService");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("[MONITOR] {} died", th.getName(), e));
            return t;
        });
    }

    public void start() {
        timer.scheduleAtFixedRate(this::roundSafely, firstDelayMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        timer.shutdownNow();
    }

    private void roundSafely() {
        try {
            doMonitorWork();
        } catch (Exception e) {
            LOG.warn("[MONITOR] round failed: {}", e.toString());
        }
    }

    /** One round; a failure for one group skips that group only. */
    public void doMonitorWork() throws Exception {
        long begin = System.currentTimeMillis();
        LOG.info("[MONITOR] =========================================beginRound");
        for (String topic : admin.fetchAllTopicList().getTopicList()) {
            if (!topic.startsWith(TopicNames.RETRY_GROUP_TOPIC_PREFIX)) {
                continue;
            }
            String group = topic.substring(TopicNames.RETRY_GROUP_TOPIC_PREFIX.length());
            try {
                reportUndoneMsgs(group);
            } catch (Exception e) {
                LOG.debug("[MONITOR] backlog of {} not available: {}", group, e.toString());
            }
            try {
                reportConsumerRunningInfo(group);
            } catch (Exception e) {
                LOG.debug("[MONITOR] running info of {} not available: {}", group, e.toString());
            }
        }
        LOG.info("[MONITOR] =========================================endRound");
        LOG.info("Execute one round monitor work, spent timemills: {}", System.currentTimeMillis() - begin);
    }

    private void reportUndoneMsgs(String group) throws Exception {
        ConsumeStats stats = admin.examineConsumeStats(group);
        admin.examineConsumerConnectionInfo(group);   // as RocketMQ: a group without online clients is not reported
        Map<String, Map<MessageQueue, OffsetWrapper>> byTopic = new TreeMap<>();
        for (Map.Entry<MessageQueue, OffsetWrapper> e : stats.getOffsetTable().entrySet()) {
            byTopic.computeIfAbsent(e.getKey().getTopic(), t -> new TreeMap<>()).put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Map<MessageQueue, OffsetWrapper>> e : byTopic.entrySet()) {
            LOG.info("[MONITOR] reportUndoneMsgs: {}", undone(group, e.getKey(), e.getValue()));
        }
    }

    /**
     * Total backlog (positive diffs), the largest single-queue diff, and the largest age of a queue's newest
     * message relative to the last consumed one (only for queues with a consumed timestamp).
     */
    private UndoneMsgs undone(String group, String topic, Map<MessageQueue, OffsetWrapper> queues) {
        long total = 0;
        long single = 0;
        long delay = 0;
        for (Map.Entry<MessageQueue, OffsetWrapper> e : queues.entrySet()) {
            OffsetWrapper w = e.getValue();
            long diff = w.getBrokerOffset() - w.getConsumerOffset();
            single = Math.max(single, diff);
            if (diff > 0) {
                total += diff;
            }
            if (w.getLastTimestamp() > 0) {
                try {
                    long max = pullConsumer.maxOffset(e.getKey());
                    if (max > 0) {
                        PullResult r = pullConsumer.pull(e.getKey(), "*", max - 1, 1);
                        if (r.getPullStatus() == PullStatus.FOUND) {
                            delay = Math.max(delay, r.getMsgFoundList().get(0).getStoreTimestamp() - w.getLastTimestamp());
                        }
                    }
                } catch (Exception ex) {
                    LOG.debug("[MONITOR] newest message of {} not readable: {}", e.getKey(), ex.toString());
                }
            }
        }
        return new UndoneMsgs(group, topic, total, single, delay);
    }

    private void reportConsumerRunningInfo(String group) throws Exception {
        ConsumerConnection cc = admin.examineConsumerConnectionInfo(group);
        TreeMap<String, ConsumerRunningInfo> byClient = new TreeMap<>();
        for (Connection c : cc.getConnectionSet()) {
            try {
                ConsumerRunningInfo info = admin.getConsumerRunningInfo(group, c.getClientId(), false);
                if (info != null) {
                    byClient.put(c.getClientId(), info);
                }
            } catch (Exception e) {
                LOG.debug("[MONITOR] running info of {} not available: {}", c.getClientId(), e.toString());
            }
        }
        if (byClient.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        if (!ConsumerRunningInfoText.sameSubscription(byClient, now)) {
            LOG.info("[MONITOR]  [NOTIFY] reportConsumerRunningInfo: ConsumerGroup: {}, Subscription different", group);
        }
        for (Map.Entry<String, ConsumerRunningInfo> e : byClient.entrySet()) {
            String problems = ConsumerRunningInfoText.queueProblems(e.getKey(), e.getValue(), now);
            if (!problems.isEmpty()) {
                LOG.info("[MONITOR]  [NOTIFY] reportConsumerRunningInfo: ConsumerGroup: {}, ClientId: {}, {}", group,
                    e.getKey(), problems);
            }
        }
    }
}
