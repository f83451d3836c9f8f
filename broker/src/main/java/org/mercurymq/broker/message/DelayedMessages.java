package org.mercurymq.broker.message;

import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.store.MessageExtBrokerInner;

/**
 * The store-time rewrite of delayed messages (docs/protocol/behaviour.md §9): a message with {@code DELAY} = L &gt; 0 that
 * is not a prepared/rollback transaction goes to {@code SCHEDULE_TOPIC_XXXX} queue L−1 (L clamped to the
 * highest level) with its real topic and queue in {@code REAL_TOPIC}/{@code REAL_QID}. Stateless.
 */
public final class DelayedMessages {
    private DelayedMessages() {
    }

    /** Returns the delay level the message was rewritten for, or 0 when it is delivered now. */
    public static int rewriteIfDelayed(MessageExtBrokerInner msg, int maxLevel) {
        int tranType = MessageSysFlag.getTransactionValue(msg.getSysFlag());
        if (tranType != MessageSysFlag.TRANSACTION_NOT_TYPE && tranType != MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            return 0;
        }
        int level = delayLevel(msg);
        if (level <= 0) {
            return 0;
        }
        if (level > maxLevel) {
            level = maxLevel;
            msg.setDelayTimeLevel(level);
        }
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REAL_TOPIC, msg.getTopic());
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REAL_QUEUE_ID, String.valueOf(msg.getQueueId()));
        msg.setTopic(TopicNames.SCHEDULE_TOPIC);
        msg.setQueueId(level - 1);
        return level;
    }

    /** The DELAY property as a number; 0 when absent or not a number. */
    public static int delayLevel(MessageExtBrokerInner msg) {
        String v = msg.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
