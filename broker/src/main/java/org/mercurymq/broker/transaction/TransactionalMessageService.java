package org.mercurymq.broker.transaction;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.mercurymq.broker.message.InnerMessages;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.PutMessageResult;

/**
 * Transactional messages in the store (docs/protocol/behaviour.md §10): half messages parked in
 * {@code RMQ_SYS_TRANS_HALF_TOPIC} queue 0, the final message written on commit, and an op message
 * (tag {@code d}, body = half queue offset) in {@code RMQ_SYS_TRANS_OP_HALF_TOPIC} recording that a half
 * message is done. Thread-safe.
 */
public final class TransactionalMessageService {
    public static final String REMOVE_TAG = "d";

    private final MessageStore store;
    private final TopicConfigManager topics;
    private final SocketAddress storeHost;
    private final String clusterName;

    public TransactionalMessageService(MessageStore store, TopicConfigManager topics, SocketAddress storeHost,
                                       String clusterName) {
        this.store = store;
        this.topics = topics;
        this.storeHost = storeHost;
        this.clusterName = clusterName;
    }

    /** Turns a prepared message into its half message: real topic/queue kept in properties, queue 0, no tran bits. */
    public void toHalfMessage(MessageExtBrokerInner msg) {
        topics.createTopicIfAbsent(TopicNames.TRANS_HALF_TOPIC, 1, PermName.PERM_READ_WRITE, 0);
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REAL_TOPIC, msg.getTopic());
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_REAL_QUEUE_ID, String.valueOf(msg.getQueueId()));
        msg.setSysFlag(MessageSysFlag.resetTransactionValue(msg.getSysFlag(), MessageSysFlag.TRANSACTION_NOT_TYPE));
        msg.setTopic(TopicNames.TRANS_HALF_TOPIC);
        msg.setQueueId(0);
    }

    /** The final message of a committed half message: real topic and queue, COMMIT bits, original store time. */
    public MessageExtBrokerInner finalMessage(MessageExt half) {
        MessageExtBrokerInner msg = InnerMessages.copyOf(half, storeHost);
        msg.setTopic(half.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        msg.setQueueId(Integer.parseInt(half.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID)));
        msg.setSysFlag(MessageSysFlag.resetTransactionValue(half.getSysFlag(), MessageSysFlag.TRANSACTION_COMMIT_TYPE));
        msg.setPreparedTransactionOffset(half.getCommitLogOffset());
        msg.setStoreTimestamp(half.getStoreTimestamp());
        MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_REAL_TOPIC);
        MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_REAL_QUEUE_ID);
        MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES);
        msg.setWaitStoreMsgOK(false);
        InnerMessages.seal(msg, clusterName);
        return msg;
    }

    /** Records that the half message at {@code halfQueueOffset} of {@code halfQueueId} is done. */
    public CompletableFuture<PutMessageResult> writeOpMessage(int halfQueueId, long halfQueueOffset, SocketAddress bornHost) {
        topics.createTopicIfAbsent(TopicNames.TRANS_OP_HALF_TOPIC, 1, PermName.PERM_READ_WRITE, 0);
        MessageExtBrokerInner op = new MessageExtBrokerInner();
        op.setTopic(TopicNames.TRANS_OP_HALF_TOPIC);
        op.setQueueId(halfQueueId);
        op.setBody(String.valueOf(halfQueueOffset).getBytes(StandardCharsets.UTF_8));
        op.setTags(REMOVE_TAG);
        op.setBornTimestamp(System.currentTimeMillis());
        op.setBornHost(bornHost == null ? storeHost : bornHost);
        op.setStoreHost(storeHost);
        op.setWaitStoreMsgOK(false);
        InnerMessages.seal(op, clusterName);
        return store.asyncPutMessage(op);
    }
}
