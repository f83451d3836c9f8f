package org.mercurymq.tools.command.stats;

import java.util.Map;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.protocol.body.ConsumeStatus;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.protocol.body.ProcessQueueInfo;

/**
 * The text mqadmin prints for a consumer's running info (GET_CONSUMER_RUNNING_INFO), and the checks
 * {@code consumerStatus} runs over a whole group: same subscription everywhere, queues that cannot be locked or
 * stopped consuming. Layout as RocketMQ 4.9.7 prints it. Stateless.
 */
public final class ConsumerRunningInfoText {
    /** A push consumer younger than this may still be rebalancing: its subscription is not compared. */
    private static final long SETTLED_MILLIS = 2 * 60 * 1000L;
    private static final long BLOCKED_MILLIS = 60_000L;

    private ConsumerRunningInfoText() {
    }

    static String format(ConsumerRunningInfo info) {
        StringBuilder sb = new StringBuilder();
        sb.append("#Consumer Properties#\n");
        for (Map.Entry<Object, Object> e : info.getProperties().entrySet()) {
            sb.append(String.format("%-40s: %s%n", e.getKey(), e.getValue()));
        }
        sb.append("\n\n#Consumer Subscription#\n");
        int i = 0;
        for (SubscriptionData s : info.getSubscriptionSet()) {
            sb.append(String.format("%03d Topic: %-40s ClassFilter: %-8s SubExpression: %s%n", ++i, s.getTopic(),
                s.isClassFilterMode(), s.getSubString()));
        }
        sb.append("\n\n#Consumer Offset#\n");
        sb.append(String.format("%-64s  %-32s  %-4s  %-20s%n", "#Topic", "#Broker Name", "#QID", "#Consumer Offset"));
        for (Map.Entry<MessageQueue, ProcessQueueInfo> e : info.getMqTable().entrySet()) {
            sb.append(String.format("%-32s  %-32s  %-4d  %-20d%n", e.getKey().getTopic(), e.getKey().getBrokerName(),
                e.getKey().getQueueId(), e.getValue().getCommitOffset()));
        }
        sb.append("\n\n#Consumer MQ Detail#\n");
        sb.append(String.format("%-64s  %-32s  %-4s  %-20s%n", "#Topic", "#Broker Name", "#QID", "#ProcessQueueInfo"));
        for (Map.Entry<MessageQueue, ProcessQueueInfo> e : info.getMqTable().entrySet()) {
            sb.append(String.format("%-64s  %-32s  %-4d  %s%n", e.getKey().getTopic(), e.getKey().getBrokerName(),
                e.getKey().getQueueId(), processQueue(e.getValue())));
        }
        sb.append("\n\n#Consumer RT&TPS#\n");
        sb.append(String.format("%-64s  %14s %14s %14s %14s %18s %25s%n", "#Topic", "#Pull RT", "#Pull TPS",
            "#Consume RT", "#ConsumeOK TPS", "#ConsumeFailed TPS", "#ConsumeFailedMsgsInHour"));
        for (Map.Entry<String, ConsumeStatus> e : info.getStatusTable().entrySet()) {
            ConsumeStatus s = e.getValue();
            sb.append(String.format("%-32s  %14.2f %14.2f %14.2f %14.2f %18.2f %25d%n", e.getKey(), s.getPullRT(),
                s.getPullTPS(), s.getConsumeRT(), s.getConsumeOKTPS(), s.getConsumeFailedTPS(), s.getConsumeFailedMsgs()));
        }
        if (info.getJstack() != null) {
            sb.append("\n\n#Consumer jstack#\n").append(info.getJstack());
        }
        return sb.toString();
    }

    static String processQueue(ProcessQueueInfo p) {
        return "ProcessQueueInfo [commitOffset=" + p.getCommitOffset() + ", cachedMsgMinOffset=" + p.getCachedMsgMinOffset()
            + ", cachedMsgMaxOffset=" + p.getCachedMsgMaxOffset() + ", cachedMsgCount=" + p.getCachedMsgCount()
            + ", cachedMsgSizeInMiB=" + p.getCachedMsgSizeInMiB() + ", transactionMsgMinOffset="
            + p.getTransactionMsgMinOffset() + ", transactionMsgMaxOffset=" + p.getTransactionMsgMaxOffset()
            + ", transactionMsgCount=" + p.getTransactionMsgCount() + ", locked=" + p.isLocked() + ", tryUnlockTimes="
            + p.getTryUnlockTimes() + ", lastLockTimestamp=" + p.getLastLockTimestamp() + ", droped=" + p.isDroped()
            + ", lastPullTimestamp=" + p.getLastPullTimestamp() + ", lastConsumeTimestamp=" + p.getLastConsumeTimestamp()
            + "]";
    }

    private static boolean isPush(ConsumerRunningInfo info) {
        Object type = info.getProperties().get(ConsumerRunningInfo.PROP_CONSUME_TYPE);
        return type != null && ConsumeType.valueOf(type.toString()) == ConsumeType.CONSUME_PASSIVELY;
    }

    /**
     * True unless the group's push consumers, running for over two minutes, differ in subscription or
     * have none.
     */
    public static boolean sameSubscription(TreeMap<String, ConsumerRunningInfo> byClient, long now) {
        ConsumerRunningInfo first = byClient.firstEntry().getValue();
        Object started = first.getProperties().get(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP);
        boolean settled = started != null && now - Long.parseLong(started.toString()) > SETTLED_MILLIS;
        if (!isPush(first) || !settled) {
            return true;
        }
        for (ConsumerRunningInfo info : byClient.values()) {
            if (!info.getSubscriptionSet().equals(first.getSubscriptionSet())) {
                return false;
            }
        }
        return !first.getSubscriptionSet().isEmpty();
    }

    /** One line per queue of a push consumer that looks stuck; empty when all is well. */
    public static String queueProblems(String clientId, ConsumerRunningInfo info, long now) {
        if (!isPush(info)) {
            return "";
        }
        boolean orderly = Boolean.parseBoolean(info.getProperties().getProperty(ConsumerRunningInfo.PROP_CONSUME_ORDERLY));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<MessageQueue, ProcessQueueInfo> e : info.getMqTable().entrySet()) {
            ProcessQueueInfo p = e.getValue();
            if (orderly) {
                if (!p.isLocked()) {
                    sb.append(String.format("%s %s can't lock for a while, %dms%n", clientId, e.getKey(),
                        now - p.getLastLockTimestamp()));
                } else if (p.isDroped() && p.getTryUnlockTimes() > 0) {
                    sb.append(String.format("%s %s unlock %d times, still failed%n", clientId, e.getKey(),
                        p.getTryUnlockTimes()));
                }
            } else {
                long idle = now - p.getLastConsumeTimestamp();
                if (idle > BLOCKED_MILLIS && p.getCachedMsgCount() > 0) {
                    sb.append(String.format("%s %s can't consume for a while, maybe blocked, %dms%n", clientId,
                        e.getKey(), idle));
                }
            }
        }
        return sb.toString();
    }
}
