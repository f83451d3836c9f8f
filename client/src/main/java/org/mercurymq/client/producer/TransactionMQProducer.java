package org.mercurymq.client.producer;

import java.util.concurrent.ExecutorService;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.Message;
import org.mercurymq.remoting.RPCHook;

/**
 * A producer of transactional messages (RocketMQ 4.9's API): {@link #sendMessageInTransaction(Message, Object)}
 * stores a half message, runs the {@link TransactionListener}'s local transaction and then commits or rolls the
 * message back; an unknown outcome is resolved when the broker asks again. The broker's questions are answered
 * on {@link #setExecutorService the given executor}, or else on a pool of {@code checkThreadPoolMinSize} to
 * {@code checkThreadPoolMaxSize} threads holding at most {@code checkRequestHoldMax} waiting questions.
 * Configure before {@code start()}; sending is thread-safe. docs/client.md "Transactional producer".
 */
public class TransactionMQProducer extends DefaultMQProducer {
    private TransactionCheckListener transactionCheckListener;
    private int checkThreadPoolMinSize = 1;
    private int checkThreadPoolMaxSize = 1;
    private int checkRequestHoldMax = 2000;
    private ExecutorService executorService;
    private TransactionListener transactionListener;

    public TransactionMQProducer() {
    }

    public TransactionMQProducer(final String producerGroup) {
        this(null, producerGroup, null);
    }

    public TransactionMQProducer(final String namespace, final String producerGroup) {
        this(namespace, producerGroup, null);
    }

    public TransactionMQProducer(final String producerGroup, RPCHook rpcHook) {
        this(null, producerGroup, rpcHook);
    }

    public TransactionMQProducer(final String namespace, final String producerGroup, RPCHook rpcHook) {
        super(namespace, producerGroup, rpcHook);
    }

    /** With {@code enableMsgTrace} sends and END_TRANSACTIONs are traced (docs/client.md "Message trace"). */
    public TransactionMQProducer(final String namespace, final String producerGroup, RPCHook rpcHook,
                                 boolean enableMsgTrace, final String customizedTraceTopic) {
        super(namespace, producerGroup, rpcHook, enableMsgTrace, customizedTraceTopic);
    }

    @Override
    public void start() throws MQClientException {
        this.defaultMQProducerImpl.initTransactionEnv();
        super.start();
    }

    @Override
    public void shutdown() {
        super.shutdown();
        this.defaultMQProducerImpl.destroyTransactionEnv();
    }

    /** Deprecated path: the local transaction runs in {@code tranExecuter}; checks go to the {@link TransactionCheckListener}. */
    @Override
    @Deprecated
    public TransactionSendResult sendMessageInTransaction(final Message msg, final LocalTransactionExecuter tranExecuter,
                                                          final Object arg) throws MQClientException {
        if (this.transactionCheckListener == null) {
            throw new MQClientException("localTransactionBranchCheckListener is null", null);
        }
        msg.setTopic(withNamespace(msg.getTopic()));
        return this.defaultMQProducerImpl.sendMessageInTransaction(msg, tranExecuter, arg);
    }

    @Override
    public TransactionSendResult sendMessageInTransaction(final Message msg, final Object arg) throws MQClientException {
        if (this.transactionListener == null) {
            throw new MQClientException("TransactionListener is null", null);
        }
        msg.setTopic(withNamespace(msg.getTopic()));
        return this.defaultMQProducerImpl.sendMessageInTransaction(msg, null, arg);
    }

    @Deprecated
    public TransactionCheckListener getTransactionCheckListener() {
        return transactionCheckListener;
    }

    @Deprecated
    public void setTransactionCheckListener(TransactionCheckListener transactionCheckListener) {
        this.transactionCheckListener = transactionCheckListener;
    }

    public int getCheckThreadPoolMinSize() {
        return checkThreadPoolMinSize;
    }

    public void setCheckThreadPoolMinSize(int checkThreadPoolMinSize) {
        this.checkThreadPoolMinSize = checkThreadPoolMinSize;
    }

    public int getCheckThreadPoolMaxSize() {
        return checkThreadPoolMaxSize;
    }

    public void setCheckThreadPoolMaxSize(int checkThreadPoolMaxSize) {
        this.checkThreadPoolMaxSize = checkThreadPoolMaxSize;
    }

    public int getCheckRequestHoldMax() {
        return checkRequestHoldMax;
    }

    public void setCheckRequestHoldMax(int checkRequestHoldMax) {
        this.checkRequestHoldMax = checkRequestHoldMax;
    }

    public ExecutorService getExecutorService() {
        return executorService;
    }

    public void setExecutorService(ExecutorService executorService) {
        this.executorService = executorService;
    }

    public TransactionListener getTransactionListener() {
        return transactionListener;
    }

    public void setTransactionListener(TransactionListener transactionListener) {
        this.transactionListener = transactionListener;
    }
}
