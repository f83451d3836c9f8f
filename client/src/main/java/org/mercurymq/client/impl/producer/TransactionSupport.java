package org.mercurymq.client.impl.producer;

import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.Validators;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.LocalTransactionExecuter;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.TransactionCheckListener;
import org.mercurymq.client.producer.TransactionListener;
import org.mercurymq.client.producer.TransactionMQProducer;
import org.mercurymq.client.producer.TransactionSendResult;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageId;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import org.mercurymq.remoting.protocol.header.EndTransactionRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional side of one producer engine (docs/client.md "Transactional producer"):
 * <pre>
 *   sendMessageInTransaction: half send (TRAN_MSG, PGROUP) --SEND_OK--> local transaction --> END_TRANSACTION (oneway)
 *   broker CHECK_TRANSACTION_STATE --> check executor --> check listener --> END_TRANSACTION (fromTransactionCheck)
 * </pre>
 * A local transaction that throws or returns null counts as UNKNOW; a half message stored without reaching
 * its replicas or disk in time is rolled back without running the local transaction. The check executor is the
 * producer's own {@code executorService} or a bounded pool made by {@link #start}. Thread-safe.
 */
final class TransactionSupport {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionSupport.class);
    /** END_TRANSACTION after a broker check waits at most this long to be written (as RocketMQ's client). */
    private static final long CHECK_ANSWER_TIMEOUT_MILLIS = 3000;

    /** How the engine sends the half message (a synchronous send with the producer's time-out). */
    interface HalfSender {
        SendResult send(Message msg) throws Exception;
    }

    private final DefaultMQProducer producer;
    private final ProducerHooks hooks;
    private volatile ExecutorService checkExecutor;
    private ExecutorService ownExecutor;

    /** Bound when the producer starts: the remoting API for END_TRANSACTION and the route lookups of the instance. */
    private volatile MQClientAPIImpl api;
    private volatile MQClientInstance routes;

    TransactionSupport(DefaultMQProducer producer, ProducerHooks hooks) {
        this.producer = producer;
        this.hooks = hooks;
    }

    /** Called by the producer engine's start(), once its client instance exists. */
    void connect(MQClientAPIImpl api, MQClientInstance routes) {
        this.api = api;
        this.routes = routes;
    }

    /** Creates the check executor: the producer's own one when set, else a pool bounded by checkRequestHoldMax. */
    synchronized void start() {
        if (!(producer instanceof TransactionMQProducer)) {
            throw new IllegalStateException("transaction checks need a TransactionMQProducer, not a "
                + producer.getClass().getSimpleName());
        }
        TransactionMQProducer tx = (TransactionMQProducer) producer;
        if (tx.getExecutorService() != null) {
            checkExecutor = tx.getExecutorService();
            return;
        }
        ownExecutor = new ThreadPoolExecutor(tx.getCheckThreadPoolMinSize(), tx.getCheckThreadPoolMaxSize(), 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<Runnable>(tx.getCheckRequestHoldMax()), new NamedThreadFactory("TransactionCheckExecutor", true));
        checkExecutor = ownExecutor;
    }

    /** Stops the check executor (the application's own executor included, as RocketMQ does). */
    synchronized void shutdown() {
        if (checkExecutor != null) {
            checkExecutor.shutdown();
        }
    }

    ExecutorService checkExecutor() {
        return checkExecutor;
    }

    TransactionListener listener() {
        return producer instanceof TransactionMQProducer ? ((TransactionMQProducer) producer).getTransactionListener() : null;
    }

    @SuppressWarnings("deprecation")
    TransactionCheckListener checkListener() {
        return producer instanceof TransactionMQProducer ? ((TransactionMQProducer) producer).getTransactionCheckListener() : null;
    }

    // ---------------------------------------------------------------- send in transaction

    @SuppressWarnings("deprecation")
    TransactionSendResult send(HalfSender sender, Message msg, LocalTransactionExecuter executer,
                               Object arg) throws MQClientException {
        TransactionListener listener = listener();
        if (executer == null && listener == null) {
            throw new MQClientException("tranExecutor is null", null);
        }
        if (msg.getDelayTimeLevel() != 0) {
            // a half message is never delayed: the level is dropped, not refused
            MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        }
        Validators.checkMessage(msg, producer);
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_PRODUCER_GROUP, producer.getProducerGroup());
        SendResult sent;
        try {
            sent = sender.send(msg);
        } catch (Exception e) {
            throw new MQClientException("send message Exception", e);
        }
        LocalTransactionState state = LocalTransactionState.UNKNOW;
        Throwable localError = null;
        switch (sent.getSendStatus()) {
            case SEND_OK:
                if (sent.getTransactionId() != null) {
                    msg.putUserProperty("__transactionId__", sent.getTransactionId());
                }
                String uniqKey = msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
                if (uniqKey != null && !uniqKey.isEmpty()) {
                    msg.setTransactionId(uniqKey);
                }
                try {
                    LocalTransactionState s = executer != null ? executer.executeLocalTransactionBranch(msg, arg)
                        : listener.executeLocalTransaction(msg, arg);
                    state = s == null ? LocalTransactionState.UNKNOW : s;
                } catch (Throwable t) {
                    localError = t;
                    LOG.info("local transaction of message {} (topic {}) threw {}; reported as UNKNOW, the broker will check back",
                        sent.getMsgId(), msg.getTopic(), t.toString());
                }
                if (state != LocalTransactionState.COMMIT_MESSAGE && localError == null) {
                    LOG.info("local transaction of message {} (topic {}) returned {}", sent.getMsgId(), msg.getTopic(), state);
                }
                break;
            case FLUSH_DISK_TIMEOUT:
            case FLUSH_SLAVE_TIMEOUT:
            case SLAVE_NOT_AVAILABLE:
                state = LocalTransactionState.ROLLBACK_MESSAGE;
                break;
            default:
                break;
        }
        try {
            end(msg, sent, state, localError);
        } catch (Exception e) {
            LOG.warn("local transaction of message {} ended {}, but END_TRANSACTION could not be sent: {}; the broker will check back",
                sent.getMsgId(), state, e.toString());
        }
        TransactionSendResult result = new TransactionSendResult();
        result.setSendStatus(sent.getSendStatus());
        result.setMessageQueue(sent.getMessageQueue());
        result.setMsgId(sent.getMsgId());
        result.setQueueOffset(sent.getQueueOffset());
        result.setTransactionId(sent.getTransactionId());
        result.setLocalTransactionState(state);
        return result;
    }

    /** Sends END_TRANSACTION (oneway) about the half message of {@code sent}. */
    void end(Message msg, SendResult sent, LocalTransactionState state, Throwable localError)
        throws RemotingException, InterruptedException, UnknownHostException {
        MessageId id = MessageDecoder.decodeMessageId(sent.getOffsetMsgId() != null ? sent.getOffsetMsgId() : sent.getMsgId());
        String brokerName = sent.getMessageQueue().getBrokerName();
        String brokerAddr = routes.findBrokerAddressInPublish(brokerName);
        EndTransactionRequestHeader h = new EndTransactionRequestHeader();
        h.setTransactionId(sent.getTransactionId());
        h.setCommitLogOffset(id.getOffset());
        h.setBname(brokerName);
        h.setCommitOrRollback(commitOrRollback(state));
        h.setProducerGroup(producer.getProducerGroup());
        h.setTranStateTableOffset(sent.getQueueOffset());
        h.setMsgId(sent.getMsgId());
        hooks.endTransaction(msg, sent.getMsgId(), brokerAddr, state, false);
        String remark = localError == null ? null : "executeLocalTransactionBranch exception: " + localError;
        api.endTransactionOneway(brokerAddr, h, remark, producer.getSendMsgTimeout());
    }

    static int commitOrRollback(LocalTransactionState state) {
        switch (state) {
            case COMMIT_MESSAGE:
                return MessageSysFlag.TRANSACTION_COMMIT_TYPE;
            case ROLLBACK_MESSAGE:
                return MessageSysFlag.TRANSACTION_ROLLBACK_TYPE;
            case UNKNOW:
            default:
                return MessageSysFlag.TRANSACTION_NOT_TYPE;
        }
    }

    // ---------------------------------------------------------------- broker checks

    /**
     * Queues the answer to one CHECK_TRANSACTION_STATE from {@code brokerAddr}; when checkRequestHoldMax
     * questions are already waiting the question is dropped (logged) and the broker asks again next round.
     */
    void check(final String brokerAddr, final MessageExt msg,
               final CheckTransactionStateRequestHeader header) {
        ExecutorService executor = checkExecutor;
        if (executor == null) {
            LOG.warn("transaction check of message {} from {} ignored: the producer has no check executor (not a started "
                + "TransactionMQProducer)", header.getMsgId(), brokerAddr);
            return;
        }
        try {
            executor.execute(new Runnable() {
                @Override
                public void run() {
                    answer(brokerAddr, msg, header);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("transaction check of message {} from {} dropped: the check executor is full or stopped; the broker "
                + "will ask again", header.getMsgId(), brokerAddr);
        }
    }

    @SuppressWarnings("deprecation")
    private void answer(String brokerAddr, MessageExt msg, CheckTransactionStateRequestHeader header) {
        TransactionCheckListener old = checkListener();
        TransactionListener listener = listener();
        if (old == null && listener == null) {
            LOG.warn("transaction check of message {} from {} ignored: producer group {} has no transaction listener",
                header.getMsgId(), brokerAddr, producer.getProducerGroup());
            return;
        }
        LocalTransactionState state = LocalTransactionState.UNKNOW;
        Throwable error = null;
        try {
            LocalTransactionState s = old != null ? old.checkLocalTransactionState(msg) : listener.checkLocalTransaction(msg);
            state = s == null ? LocalTransactionState.UNKNOW : s;
        } catch (Throwable t) {
            error = t;
            LOG.warn("transaction check of message {} threw {}; answering UNKNOW", header.getMsgId(), t.toString());
        }
        String uniqKey = msg.getProperties().get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        if (uniqKey == null) {
            uniqKey = msg.getMsgId();
        }
        EndTransactionRequestHeader h = new EndTransactionRequestHeader();
        h.setCommitLogOffset(header.getCommitLogOffset());
        h.setProducerGroup(producer.getProducerGroup());
        h.setTranStateTableOffset(header.getTranStateTableOffset());
        h.setFromTransactionCheck(true);
        h.setBname(header.getBname());
        h.setMsgId(uniqKey);
        h.setTransactionId(header.getTransactionId());
        h.setCommitOrRollback(commitOrRollback(state));
        String remark = error == null ? null : "checkLocalTransactionState Exception: " + RemotingHelper.exceptionSimpleDesc(error);
        hooks.endTransaction(msg, uniqKey, brokerAddr, state, true);
        try {
            api.endTransactionOneway(brokerAddr, h, remark, CHECK_ANSWER_TIMEOUT_MILLIS);
        } catch (Exception e) {
            LOG.warn("answer {} to the transaction check of message {} could not be sent to {}: {}", state, uniqKey, brokerAddr,
                e.toString());
        }
    }
}
