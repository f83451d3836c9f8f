package org.mercurymq.broker.transaction;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerConfigKeys;
import org.mercurymq.broker.client.Broker2Client;
import org.mercurymq.broker.client.ClientChannelInfo;
import org.mercurymq.broker.client.ProducerManager;
import org.mercurymq.broker.message.InnerMessages;
import org.mercurymq.broker.metadata.ConsumerOffsetManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import org.mercurymq.store.GetMessageResult;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.PutMessageResult;
import org.mercurymq.store.SelectMappedBufferResult;
import org.mercurymq.store.ServiceThread;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction check loop (docs/protocol/behaviour.md §10 step 4): every {@code transactionCheckInterval} it reads the op
 * queue to learn which half messages are done, then walks the half queue from its progress offset; a pending
 * half message older than the check age is re-appended with {@code TRANSACTION_CHECK_TIMES}+1 and its producer
 * group is asked (CHECK_TRANSACTION_STATE, oneway) about the new copy; after {@code transactionCheckMax}
 * checks it is moved to {@code TRANS_CHECK_MAX_TIME_TOPIC}. Progress is kept as consumer offsets of group
 * {@code CID_RMQ_SYS_TRANS}. Runs on a master only. Thread-safe.
 */
public final class TransactionalMessageCheckService extends ServiceThread {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalMessageCheckService.class);
    private static final int HALF_QUEUE_ID = 0;
    private static final int BATCH = 32;
    private static final int MAX_PER_RUN = 2000;

    private final Supplier<BrokerConfig> config;
    private final MessageStore store;
    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final ProducerManager producers;
    private final Broker2Client broker2Client;
    private final SocketAddress storeHost;
    private final LongSupplier clock;

    public TransactionalMessageCheckService(Supplier<BrokerConfig> config, MessageStore store, TopicConfigManager topics,
                                            ConsumerOffsetManager offsets, ProducerManager producers,
                                            Broker2Client broker2Client, SocketAddress storeHost, LongSupplier clock,
                                            FaultHandler faults) {
        super(clock, faults);
        this.config = config;
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.producers = producers;
        this.broker2Client = broker2Client;
        this.storeHost = storeHost;
        this.clock = clock;
    }

    @Override
    public String getServiceName() {
        return "TransactionalMessageCheckService";
    }

    @Override
    protected long intervalMillis() {
        return config.get().get(BrokerConfigKeys.TRANSACTION_CHECK_INTERVAL);
    }

    @Override
    protected void doWork(long now) {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.error("transaction check failed: {}", e.toString(), e);
        }
    }

    /** One pass over the half queue. */
    public void check() {
        if (topics.selectTopicConfig(TopicNames.TRANS_HALF_TOPIC) == null) {
            return;
        }
        BrokerConfig c = config.get();
        long checkAge = c.get(BrokerConfigKeys.TRANSACTION_TIME_OUT);
        int checkMax = c.get(BrokerConfigKeys.TRANSACTION_CHECK_MAX);
        long reservedMillis = store.getMessageStoreConfig().fileReservedTime() * 3_600_000L;
        long halfOffset = progress(TopicNames.TRANS_HALF_TOPIC);
        long opOffset = progress(TopicNames.TRANS_OP_HALF_TOPIC);
        List<long[]> ops = readOps(opOffset);
        Set<Long> done = new HashSet<>();
        for (long[] op : ops) {
            done.add(op[1]);
        }
        long maxHalf = store.getMaxOffsetInQueue(TopicNames.TRANS_HALF_TOPIC, HALF_QUEUE_ID);
        long now = clock.getAsLong();
        int handled = 0;
        long startHalf = halfOffset;
        int resolved = 0;
        int discarded = 0;
        int expired = 0;
        int checksSent = 0;
        while (halfOffset < maxHalf && handled++ < MAX_PER_RUN) {
            if (done.contains(halfOffset)) {
                resolved++;
                halfOffset++;
                continue;
            }
            MessageExt half = readOne(TopicNames.TRANS_HALF_TOPIC, halfOffset);
            if (half == null) {
                halfOffset++;
                continue;
            }
            int checked = parseInt(half.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES), 0);
            if (checked >= checkMax) {
                discard(half);
                discarded++;
                halfOffset++;
                continue;
            }
            if (now - half.getStoreTimestamp() > reservedMillis) {
                expired++;
                halfOffset++;
                continue;
            }
            long immunity = checkAge;
            String immunitySeconds = half.getProperty(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS);
            if (immunitySeconds != null) {
                immunity = parseInt(immunitySeconds, (int) (checkAge / 1000)) * 1000L;
            }
            if (now - half.getBornTimestamp() < immunity) {
                break;
            }
            if (!recheck(half, checked + 1)) {
                break;
            }
            checksSent++;
            halfOffset++;
        }
        if (halfOffset != startHalf || checksSent > 0) {
            // one line per pass that did something (transaction.log, docs/metrics.md)
            LOG.info("transaction check pass: half queue {} -> {} of {}, {} already committed/rolled back, {} checks "
                + "sent, {} discarded after {} checks, {} past retention", startHalf, halfOffset, maxHalf, resolved,
                checksSent, discarded, checkMax, expired);
        }
        offsets.commitOffset("broker", GroupNames.CID_RMQ_SYS_TRANS, TopicNames.TRANS_HALF_TOPIC, HALF_QUEUE_ID, halfOffset);
        long newOpOffset = opOffset;
        for (long[] op : ops) {
            if (op[0] != newOpOffset || op[1] >= halfOffset) {
                break;
            }
            newOpOffset = op[0] + 1;
        }
        if (newOpOffset != opOffset) {
            offsets.commitOffset("broker", GroupNames.CID_RMQ_SYS_TRANS, TopicNames.TRANS_OP_HALF_TOPIC, HALF_QUEUE_ID,
                newOpOffset);
        }
    }

    private long progress(String topic) {
        long offset = offsets.queryOffset(GroupNames.CID_RMQ_SYS_TRANS, topic, HALF_QUEUE_ID);
        return offset >= 0 ? offset : Math.max(0, store.getMinOffsetInQueue(topic, HALF_QUEUE_ID));
    }

    /** Op messages from {@code from}: (op queue offset, half queue offset) pairs in queue order. */
    private List<long[]> readOps(long from) {
        List<long[]> out = new ArrayList<>();
        long offset = from;
        long max = store.getMaxOffsetInQueue(TopicNames.TRANS_OP_HALF_TOPIC, HALF_QUEUE_ID);
        while (offset < max && out.size() < MAX_PER_RUN) {
            GetMessageResult r = store.getMessage(GroupNames.CID_RMQ_SYS_TRANS, TopicNames.TRANS_OP_HALF_TOPIC,
                HALF_QUEUE_ID, offset, BATCH, null);
            try {
                if (r.getMessageCount() == 0) {
                    break;
                }
                for (int i = 0; i < r.getMessageCount(); i++) {
                    MessageExt op = MessageDecoder.decode(r.getMessageMapedList().get(i).getByteBuffer().duplicate(), true, false);
                    long queueOffset = r.getMessageQueueOffset().get(i);
                    if (op != null && TransactionalMessageService.REMOVE_TAG.equals(op.getTags()) && op.getBody() != null) {
                        out.add(new long[] {queueOffset, parseLong(new String(op.getBody(), StandardCharsets.UTF_8))});
                    }
                }
                offset = r.getNextBeginOffset();
            } finally {
                r.release();
            }
        }
        return out;
    }

    private MessageExt readOne(String topic, long queueOffset) {
        long phy = store.getCommitLogOffsetInQueue(topic, HALF_QUEUE_ID, queueOffset);
        SelectMappedBufferResult r = store.selectOneMessageByOffset(phy);
        if (r == null) {
            return null;
        }
        try {
            MessageExt m = MessageDecoder.decode(r.getByteBuffer().duplicate(), true, false);
            return m != null && m.getQueueOffset() == queueOffset && topic.equals(m.getTopic()) ? m : null;
        } finally {
            r.release();
        }
    }

    /** Re-appends the half message with one more check and asks its producer about the copy. */
    private boolean recheck(MessageExt half, int checkTimes) {
        MessageExtBrokerInner copy = InnerMessages.copyOf(half, storeHost);
        copy.setTopic(TopicNames.TRANS_HALF_TOPIC);
        copy.setQueueId(HALF_QUEUE_ID);
        copy.setBornTimestamp(half.getBornTimestamp());
        MessageAccessor.putProperty(copy, MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, String.valueOf(checkTimes));
        InnerMessages.seal(copy, config.get().clusterName());
        PutMessageResult put = store.putMessage(copy);
        if (!put.isOk()) {
            LOG.warn("cannot re-append half message {} for its check: {}", half.getMsgId(), put.getPutMessageStatus());
            return false;
        }
        String group = half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        ClientChannelInfo producer = group == null ? null : producers.anyActiveChannel(group);
        if (producer == null) {
            LOG.warn("no producer of group {} online to check transaction {}", LogEscape.of(group), half.getMsgId());
            return true;
        }
        long commitLogOffset = put.getAppendMessageResult().getWroteOffset();
        long queueOffset = put.getAppendMessageResult().getLogicsOffset();
        String uniqKey = half.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        CheckTransactionStateRequestHeader header = new CheckTransactionStateRequestHeader();
        header.setCommitLogOffset(commitLogOffset);
        header.setTranStateTableOffset(queueOffset);
        header.setMsgId(uniqKey);
        header.setTransactionId(uniqKey);
        header.setOffsetMsgId(put.getAppendMessageResult().getMsgId());
        MessageExt body = InnerMessages.copyOf(half, storeHost);
        body.setTopic(half.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        body.setQueueId(parseInt(half.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID), 0));
        body.setCommitLogOffset(commitLogOffset);
        body.setQueueOffset(queueOffset);
        body.setStoreTimestamp(half.getStoreTimestamp());
        body.setBodyCRC(half.getBodyCRC());
        MessageAccessor.putProperty(body, MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, String.valueOf(checkTimes));
        try {
            broker2Client.sendOneway(producer.channel(), RequestCode.CHECK_TRANSACTION_STATE, header,
                MessageDecoder.encode(body, false));
        } catch (IOException e) {
            LOG.warn("cannot encode transaction check of {}: {}", half.getMsgId(), e.toString());
        }
        return true;
    }

    private void discard(MessageExt half) {
        topics.createTopicIfAbsent(TopicNames.TRANS_CHECK_MAX_TIME_TOPIC, 1, PermName.PERM_READ_WRITE, 0);
        MessageExtBrokerInner msg = InnerMessages.copyOf(half, storeHost);
        msg.setTopic(TopicNames.TRANS_CHECK_MAX_TIME_TOPIC);
        msg.setQueueId(0);
        msg.setSysFlag(MessageSysFlag.resetTransactionValue(half.getSysFlag(), MessageSysFlag.TRANSACTION_NOT_TYPE));
        InnerMessages.seal(msg, config.get().clusterName());
        PutMessageResult put = store.putMessage(msg);
        LOG.warn("half message {} checked too often, moved to {}: {}", half.getMsgId(),
            TopicNames.TRANS_CHECK_MAX_TIME_TOPIC, put.getPutMessageStatus());
    }

    private static int parseInt(String s, int def) {
        try {
            return s == null ? def : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return def;
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
