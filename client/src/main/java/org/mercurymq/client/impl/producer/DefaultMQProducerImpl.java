package org.mercurymq.client.impl.producer;

import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.Validators;
import org.mercurymq.client.common.ClientErrorCode;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.CommunicationMode;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.client.impl.ReplyCallback;
import org.mercurymq.client.impl.SendReply;
import org.mercurymq.client.impl.factory.MQAdminImpl;
import org.mercurymq.client.impl.factory.MQClientManager;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.client.impl.factory.ServiceState;
import org.mercurymq.client.latency.LatencyFaultToleranceImpl;
import org.mercurymq.client.latency.MQFaultStrategy;
import org.mercurymq.client.hook.CheckForbiddenContext;
import org.mercurymq.client.hook.CheckForbiddenHook;
import org.mercurymq.client.hook.EndTransactionContext;
import org.mercurymq.client.hook.EndTransactionHook;
import org.mercurymq.client.hook.SendMessageContext;
import org.mercurymq.client.hook.SendMessageHook;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.LocalTransactionExecuter;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.client.producer.MessageQueueSelector;
import org.mercurymq.client.producer.SendCallback;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.client.producer.TransactionCheckListener;
import org.mercurymq.client.producer.TransactionListener;
import org.mercurymq.client.producer.TransactionSendResult;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageBatch;
import org.mercurymq.common.message.MessageClientIDSetter;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.exception.RemotingConnectException;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.exception.RemotingTooMuchRequestException;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.protocol.header.CheckTransactionStateRequestHeader;
import org.mercurymq.remoting.protocol.route.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer engine behind {@link DefaultMQProducer}: finds a topic's publish queues (falling back to
 * TBW102, docs/protocol/behaviour.md §3), picks a queue, sends sync / async / oneway and retries as RocketMQ 4.9.7 does
 * (docs/client.md). Input is validated on the caller's thread before anything is sent. Hooks run around every attempt
 * ({@link ProducerHooks}); a TransactionMQProducer's transactions go through {@link TransactionSupport}. Thread-safe.
 */
public class DefaultMQProducerImpl implements MQProducerInner {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultMQProducerImpl.class);

    private final DefaultMQProducer defaultMQProducer;
    private final RPCHook rpcHook;
    private final ConcurrentHashMap<String, TopicPublishInfo> topicPublishInfoTable = new ConcurrentHashMap<String, TopicPublishInfo>();
    private final MQFaultStrategy mqFaultStrategy = new MQFaultStrategy(new LatencyFaultToleranceImpl(this::now));
    private final Set<Integer> retryResponseCodes = ConcurrentHashMap.newKeySet();
    private volatile ServiceState serviceState = ServiceState.CREATE_JUST;
    private volatile MQClientInstance mQClientFactory;
    /** Collaborators of the client instance, bound in start() (the facade builds this engine before the instance exists). */
    private volatile MQClientAPIImpl api;
    private volatile MQAdminImpl admin;
    private volatile Clock clock;
    private volatile ExecutorService asyncSenderExecutor;
    private ExecutorService defaultAsyncSenderExecutor;
    private volatile boolean requestReplyUsed;
    private final ProducerHooks hooks;
    private final TransactionSupport transactions;

    public DefaultMQProducerImpl(DefaultMQProducer defaultMQProducer, RPCHook rpcHook) {
        this.defaultMQProducer = defaultMQProducer;
        this.rpcHook = rpcHook;
        this.hooks = new ProducerHooks(defaultMQProducer);
        this.transactions = new TransactionSupport(defaultMQProducer, hooks);
        this.retryResponseCodes.addAll(org.mercurymq.client.impl.ResponseOutcomes.DEFAULT_SEND_RETRY_CODES);
    }

    public void start() throws MQClientException {
        start(true);
    }

    public synchronized void start(boolean startFactory) throws MQClientException {
        switch (serviceState) {
            case CREATE_JUST:
                serviceState = ServiceState.START_FAILED;
                Validators.checkGroup(defaultMQProducer.getProducerGroup());
                if (!defaultMQProducer.getProducerGroup().equals(GroupNames.CLIENT_INNER_PRODUCER_GROUP)) {
                    defaultMQProducer.changeInstanceNameToPID();
                }
                mQClientFactory = MQClientManager.getInstance().getOrCreateMQClientInstance(defaultMQProducer, rpcHook,
                    InstanceServices.INSTANCE);
                api = mQClientFactory.getMQClientAPIImpl();
                admin = mQClientFactory.getMQAdminImpl();
                clock = mQClientFactory.getClock();
                transactions.connect(api, mQClientFactory);
                if (!mQClientFactory.registerProducer(defaultMQProducer.getProducerGroup(), this)) {
                    serviceState = ServiceState.CREATE_JUST;
                    throw new MQClientException("The producer group[" + defaultMQProducer.getProducerGroup()
                        + "] has been created before, specify another name please.", null);
                }
                topicPublishInfoTable.put(defaultMQProducer.getCreateTopicKey(), new TopicPublishInfo());
                if (defaultAsyncSenderExecutor == null) {
                    int threads = Runtime.getRuntime().availableProcessors();
                    defaultAsyncSenderExecutor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                        new LinkedBlockingQueue<Runnable>(50000), new NamedThreadFactory("AsyncSenderExecutor", true));
                }
                if (startFactory) {
                    mQClientFactory.start();
                }
                serviceState = ServiceState.RUNNING;
                LOG.info("producer group {} started on client {}", defaultMQProducer.getProducerGroup(), mQClientFactory.getClientId());
                break;
            case RUNNING:
            case START_FAILED:
            case SHUTDOWN_ALREADY:
            default:
                throw new MQClientException("The producer service state not OK, maybe started once, " + serviceState, null);
        }
        if (startFactory) {
            mQClientFactory.sendHeartbeatToAllBrokerWithLock();
        }
    }

    public void shutdown() {
        shutdown(true);
    }

    public synchronized void shutdown(boolean shutdownFactory) {
        if (serviceState != ServiceState.RUNNING) {
            return;
        }
        mQClientFactory.unregisterProducer(defaultMQProducer.getProducerGroup());
        if (requestReplyUsed) {
            org.mercurymq.client.producer.RequestFutureHolder.getInstance().shutdown();
        }
        if (defaultAsyncSenderExecutor != null) {
            defaultAsyncSenderExecutor.shutdown();
        }
        if (shutdownFactory) {
            mQClientFactory.shutdown();
        }
        serviceState = ServiceState.SHUTDOWN_ALREADY;
        LOG.info("producer group {} shut down", defaultMQProducer.getProducerGroup());
    }

    private void makeSureStateOK() throws MQClientException {
        if (serviceState != ServiceState.RUNNING) {
            throw new MQClientException("The producer service state not OK, " + serviceState, null);
        }
    }

    private void validateNameServerSetting() throws MQClientException {
        if (api.getNameServerAddressList().isEmpty()) {
            throw new MQClientException(ClientErrorCode.NO_NAME_SERVER_EXCEPTION,
                "No name server address, please set it (setNamesrvAddr, system property rocketmq.namesrv.addr or env NAMESRV_ADDR)");
        }
    }

    // ---------------------------------------------------------------- MQProducerInner

    @Override
    public Set<String> getPublishTopicList() {
        return new HashSet<String>(topicPublishInfoTable.keySet());
    }

    @Override
    public boolean isPublishTopicNeedUpdate(String topic) {
        TopicPublishInfo prev = topicPublishInfoTable.get(topic);
        return prev == null || !prev.ok();
    }

    @Override
    public void updateTopicRoute(String topic, TopicRouteData route) {
        updateTopicPublishInfo(topic, TopicPublishInfo.fromRoute(topic, route));
    }

    @Override
    public void updateTopicPublishInfo(String topic, TopicPublishInfo info) {
        if (topic != null && info != null) {
            TopicPublishInfo prev = topicPublishInfoTable.put(topic, info);
            if (prev != null && !prev.getMessageQueueList().equals(info.getMessageQueueList())) {
                LOG.info("publish queues of {} now {}", topic, info.getMessageQueueList());
            }
        }
    }

    @Override
    public boolean isUnitMode() {
        return defaultMQProducer.isUnitMode();
    }

    @Override
    @Deprecated
    public TransactionCheckListener checkListener() {
        return transactions.checkListener();
    }

    @Override
    public TransactionListener getCheckListener() {
        return transactions.listener();
    }

    @Override
    public void checkTransactionState(String addr, MessageExt msg, CheckTransactionStateRequestHeader header) {
        transactions.check(addr, msg, header);
    }

    // ---------------------------------------------------------------- transactions (TransactionMQProducer)

    /** Creates the executor that answers the broker's transaction checks (TransactionMQProducer.start). */
    public void initTransactionEnv() {
        transactions.start();
    }

    public void destroyTransactionEnv() {
        transactions.shutdown();
    }

    public ExecutorService getCheckExecutor() {
        return transactions.checkExecutor();
    }

    /** Half send, local transaction, END_TRANSACTION: see {@link TransactionSupport}. */
    public TransactionSendResult sendMessageInTransaction(Message msg, LocalTransactionExecuter localTransactionExecuter,
                                                          Object arg) throws MQClientException {
        return transactions.send(new TransactionSupport.HalfSender() {
            @Override
            public SendResult send(Message half) throws Exception {
                return DefaultMQProducerImpl.this.send(half, defaultMQProducer.getSendMsgTimeout());
            }
        }, msg, localTransactionExecuter, arg);
    }

    /** Sends END_TRANSACTION (oneway) for the half message of {@code sendResult}. */
    public void endTransaction(Message msg, SendResult sendResult, LocalTransactionState localTransactionState,
                               Throwable localException)
        throws RemotingException, MQBrokerException, InterruptedException, UnknownHostException {
        transactions.end(msg, sendResult, localTransactionState, localException);
    }

    // ---------------------------------------------------------------- hooks

    public void registerSendMessageHook(SendMessageHook hook) {
        hooks.send.register(hook);
    }

    public void registerCheckForbiddenHook(CheckForbiddenHook hook) {
        hooks.checkForbidden.register(hook);
    }

    public void registerEndTransactionHook(EndTransactionHook hook) {
        hooks.endTransaction.register(hook);
    }

    public boolean hasSendMessageHook() {
        return !hooks.send.isEmpty();
    }

    public boolean hasCheckForbiddenHook() {
        return !hooks.checkForbidden.isEmpty();
    }

    public boolean hasEndTransactionHook() {
        return !hooks.endTransaction.isEmpty();
    }

    public void executeSendMessageHookBefore(SendMessageContext context) {
        hooks.before(context);
    }

    public void executeSendMessageHookAfter(SendMessageContext context) {
        hooks.after(context);
    }

    public void executeCheckForbiddenHook(final CheckForbiddenContext context) throws MQClientException {
        hooks.checkForbidden.callEachChecked(hook -> hook.checkForbidden(context));
    }

    public void executeEndTransactionHook(EndTransactionContext context) {
        hooks.endTransaction(context);
    }

    public void doExecuteEndTransactionHook(Message msg, String msgId, String brokerAddr, LocalTransactionState state,
                                            boolean fromTransactionCheck) {
        hooks.endTransaction(msg, msgId, brokerAddr, state, fromTransactionCheck);
    }

    // ---------------------------------------------------------------- route

    /** The publish info of the topic, fetching its route (or the TBW102 template) when unknown. */
    TopicPublishInfo tryToFindTopicPublishInfo(String topic) {
        TopicPublishInfo info = topicPublishInfoTable.get(topic);
        if (info == null || !info.ok()) {
            topicPublishInfoTable.putIfAbsent(topic, new TopicPublishInfo());
            mQClientFactory.updateTopicRouteInfoFromNameServer(topic);
            info = topicPublishInfoTable.get(topic);
        }
        if (info.isHaveTopicRouterInfo() || info.ok()) {
            return info;
        }
        mQClientFactory.updateTopicRouteInfoFromNameServer(topic, true, defaultMQProducer.getCreateTopicKey(),
            defaultMQProducer.getDefaultTopicQueueNums());
        return topicPublishInfoTable.get(topic);
    }

    private TopicPublishInfo publishInfoOrThrow(String topic) throws MQClientException {
        validateNameServerSetting();
        TopicPublishInfo info = tryToFindTopicPublishInfo(topic);
        if (info == null || !info.ok()) {
            String reason = mQClientFactory.routeFailure(topic);
            throw new MQClientException(ClientErrorCode.NOT_FOUND_TOPIC_EXCEPTION, "No route info of this topic: " + topic
                + (reason != null ? " (" + reason + ")" : "") + "; name servers "
                + api.getNameServerAddressList());
        }
        return info;
    }

    public List<MessageQueue> fetchPublishMessageQueues(String topic) throws MQClientException {
        makeSureStateOK();
        TopicPublishInfo info = TopicPublishInfo.fromRoute(topic, admin.fetchRoute(topic));
        if (!info.ok()) {
            throw new MQClientException("Can not find Message Queue for this topic, " + topic, null);
        }
        return new ArrayList<MessageQueue>(info.getMessageQueueList());
    }

    /** The first request/reply call starts the process-wide expiry scan for this producer. */
    synchronized void requestReplyInUse() throws MQClientException {
        makeSureStateOK();
        if (!requestReplyUsed) {
            requestReplyUsed = true;
            org.mercurymq.client.producer.RequestFutureHolder.getInstance().startScheduledTask();
        }
    }

    String topicWithNamespace(String topic) {
        return defaultMQProducer.withNamespace(topic);
    }

    /** Time on the client instance's clock (send time-outs, retries, fault latencies); the system clock before start. */
    long now() {
        Clock c = clock;
        return c == null ? System.currentTimeMillis() : c.millis();
    }

    public MQClientInstance getMQClientFactory() {
        return mQClientFactory;
    }

    // ---------------------------------------------------------------- selection and faults

    public MessageQueue selectOneMessageQueue(TopicPublishInfo tpInfo, String lastBrokerName) {
        return mqFaultStrategy.selectOneMessageQueue(tpInfo, lastBrokerName);
    }

    public void updateFaultItem(String brokerName, long currentLatency, boolean isolation) {
        mqFaultStrategy.updateFaultItem(brokerName, currentLatency, isolation);
    }

    public MQFaultStrategy getMqFaultStrategy() {
        return mqFaultStrategy;
    }

    public Set<Integer> getRetryResponseCodes() {
        return retryResponseCodes;
    }

    public void setAsyncSenderExecutor(ExecutorService executor) {
        this.asyncSenderExecutor = executor;
    }

    private ExecutorService asyncExecutor() {
        return asyncSenderExecutor != null ? asyncSenderExecutor : defaultAsyncSenderExecutor;
    }

    // ---------------------------------------------------------------- send entry points

    /** Prepares a message or a batch for sending: validation, namespace, batch encoding. */
    private Message prepare(Message msg) throws MQClientException {
        makeSureStateOK();
        if (msg != null && msg.getTopic() != null) {
            msg.setTopic(defaultMQProducer.withNamespace(msg.getTopic()));
        }
        Validators.checkMessage(msg, defaultMQProducer.getMaxMessageSize());
        return msg;
    }

    public MessageBatch batch(Collection<Message> msgs) throws MQClientException {
        makeSureStateOK();
        if (msgs != null) {
            for (Message m : msgs) {
                if (m != null && m.getTopic() != null) {
                    m.setTopic(defaultMQProducer.withNamespace(m.getTopic()));
                }
            }
        }
        Validators.checkBatch(msgs, defaultMQProducer.getMaxMessageSize());
        MessageBatch batch = MessageBatch.generateFromList(msgs);
        for (Message m : batch) {
            MessageClientIDSetter.setUniqID(m);
        }
        batch.setBody(batch.encode());
        Validators.checkMessage(batch, defaultMQProducer.getMaxMessageSize());
        return batch;
    }

    public SendResult send(Message msg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return sendDefaultImpl(prepare(msg), CommunicationMode.SYNC, null, timeout);
    }

    public SendResult sendBatch(MessageBatch batch, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        return sendDefaultImpl(batch, CommunicationMode.SYNC, null, timeout);
    }

    public void sendOneway(Message msg) throws MQClientException, RemotingException, InterruptedException {
        try {
            sendDefaultImpl(prepare(msg), CommunicationMode.ONEWAY, null, defaultMQProducer.getSendMsgTimeout());
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    /** Async send; a bad message or missing callback is thrown here, everything later goes to the callback. */
    public void send(final Message msg, final SendCallback sendCallback, final long timeout)
        throws MQClientException, RemotingException {
        final Message prepared = msg instanceof MessageBatch ? msg : prepare(msg);
        submitAsync(sendCallback, timeout, new AsyncTask() {
            @Override
            public void run(long remaining) throws Exception {
                sendDefaultImpl(prepared, CommunicationMode.ASYNC, sendCallback, remaining);
            }
        });
    }

    public void sendBatchAsync(final MessageBatch batch, final SendCallback sendCallback, final long timeout)
        throws MQClientException, RemotingException {
        send(batch, sendCallback, timeout);
    }

    public SendResult send(Message msg, MessageQueue mq, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        long begin = now();
        Message m = msg instanceof MessageBatch ? msg : prepare(msg);
        mq = checkQueue(m, mq);
        long cost = now() - begin;
        if (cost >= timeout) {
            throw new RemotingTooMuchRequestException("call timeout");
        }
        return sendKernelImpl(m, mq, CommunicationMode.SYNC, null, null, timeout - cost, 0);
    }

    public void send(Message msg, MessageQueue mq, final SendCallback sendCallback, long timeout)
        throws MQClientException, RemotingException {
        final Message m = msg instanceof MessageBatch ? msg : prepare(msg);
        final MessageQueue queue = checkQueue(m, mq);
        submitAsync(sendCallback, timeout, new AsyncTask() {
            @Override
            public void run(long remaining) throws Exception {
                sendKernelImpl(m, queue, CommunicationMode.ASYNC, sendCallback, null, remaining, 0);
            }
        });
    }

    public void sendOneway(Message msg, MessageQueue mq) throws MQClientException, RemotingException, InterruptedException {
        Message m = prepare(msg);
        mq = checkQueue(m, mq);
        try {
            sendKernelImpl(m, mq, CommunicationMode.ONEWAY, null, null, defaultMQProducer.getSendMsgTimeout(), 0);
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    private MessageQueue checkQueue(Message msg, MessageQueue mq) throws MQClientException {
        if (mq == null) {
            throw new MQClientException("the message queue is null", null);
        }
        MessageQueue q = defaultMQProducer.queueWithNamespace(mq);
        if (!msg.getTopic().equals(q.getTopic())) {
            throw new MQClientException("message's topic " + msg.getTopic() + " not equal mq's topic " + q.getTopic(), null);
        }
        return q;
    }

    public SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        long begin = now();
        Message m = prepare(msg);
        MessageQueue mq = select(m, selector, arg);
        long cost = now() - begin;
        if (cost >= timeout) {
            throw new RemotingTooMuchRequestException("sendSelectImpl call timeout");
        }
        return sendKernelImpl(m, mq, CommunicationMode.SYNC, null, null, timeout - cost, 0);
    }

    public void send(final Message msg, final MessageQueueSelector selector, final Object arg,
                     final SendCallback sendCallback, final long timeout) throws MQClientException, RemotingException {
        final Message m = prepare(msg);
        submitAsync(sendCallback, timeout, new AsyncTask() {
            @Override
            public void run(long remaining) throws Exception {
                sendKernelImpl(m, select(m, selector, arg), CommunicationMode.ASYNC, sendCallback, null, remaining, 0);
            }
        });
    }

    public void sendOneway(Message msg, MessageQueueSelector selector, Object arg)
        throws MQClientException, RemotingException, InterruptedException {
        Message m = prepare(msg);
        try {
            sendKernelImpl(m, select(m, selector, arg), CommunicationMode.ONEWAY, null, null,
                defaultMQProducer.getSendMsgTimeout(), 0);
        } catch (MQBrokerException e) {
            throw new MQClientException("unknown exception", e);
        }
    }

    private MessageQueue select(Message msg, MessageQueueSelector selector, Object arg) throws MQClientException {
        if (selector == null) {
            throw new MQClientException("the message queue selector is null", null);
        }
        TopicPublishInfo info = publishInfoOrThrow(msg.getTopic());
        List<MessageQueue> queues = new ArrayList<MessageQueue>(info.getMessageQueueList());
        MessageQueue chosen;
        try {
            chosen = selector.select(queues, msg, arg);
        } catch (RuntimeException e) {
            throw new MQClientException("select message queue threw exception.", e);
        }
        if (chosen == null) {
            throw new MQClientException("select message queue return null.", null);
        }
        return defaultMQProducer.queueWithNamespace(chosen);
    }

    /** Work of an async send, given the time left of its budget. */
    private interface AsyncTask {
        void run(long remaining) throws Exception;
    }

    private void submitAsync(final SendCallback callback, final long timeout, final AsyncTask task)
        throws MQClientException {
        if (callback == null) {
            throw new MQClientException("the send callback is null", null);
        }
        final long begin = now();
        try {
            asyncExecutor().submit(new Runnable() {
                @Override
                public void run() {
                    long cost = now() - begin;
                    if (cost >= timeout) {
                        callback.onException(new RemotingTooMuchRequestException("DEFAULT ASYNC send call timeout"));
                        return;
                    }
                    try {
                        task.run(timeout - cost);
                    } catch (Exception e) {
                        callback.onException(e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            throw new MQClientException("executor rejected the async send (too many pending sends)", e);
        }
    }

    // ---------------------------------------------------------------- the send loop

    /**
     * Sync: up to 1 + retryTimesWhenSendFailed attempts, a different broker preferred after a failure,
     * retried on network errors and on the retry codes; async: one attempt here, retries in the callback;
     * oneway: one attempt.
     */
    SendResult sendDefaultImpl(Message msg, CommunicationMode mode, SendCallback callback, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        long begin = now();
        TopicPublishInfo info = publishInfoOrThrow(msg.getTopic());
        if (mode == CommunicationMode.ASYNC) {
            MessageQueue mq = selectOneMessageQueue(info, null);
            sendKernelImpl(msg, mq, mode, callback, info, timeout, defaultMQProducer.getRetryTimesWhenSendAsyncFailed());
            return null;
        }
        int timesTotal = mode == CommunicationMode.SYNC ? 1 + defaultMQProducer.getRetryTimesWhenSendFailed() : 1;
        List<String> brokersSent = new ArrayList<String>();
        Exception last = null;
        MessageQueue mq = null;
        boolean callTimeout = false;
        int times = 0;
        for (; times < timesTotal; times++) {
            mq = selectOneMessageQueue(info, mq == null ? null : mq.getBrokerName());
            if (mq == null) {
                break;
            }
            brokersSent.add(mq.getBrokerName());
            long attemptBegin = now();
            long cost = attemptBegin - begin;
            if (cost >= timeout) {
                callTimeout = true;
                break;
            }
            try {
                SendResult r = sendKernelImpl(msg, mq, mode, null, info, timeout - cost, 0);
                updateFaultItem(mq.getBrokerName(), now() - attemptBegin, false);
                if (mode == CommunicationMode.ONEWAY) {
                    return null;
                }
                if (r.getSendStatus() != SendStatus.SEND_OK && defaultMQProducer.isRetryAnotherBrokerWhenNotStoreOK()
                    && times + 1 < timesTotal) {
                    LOG.warn("send to {} stored with {}, retrying another broker", mq, r.getSendStatus());
                    continue;
                }
                return r;
            } catch (RemotingException | MQClientException e) {
                updateFaultItem(mq.getBrokerName(), now() - attemptBegin, true);
                LOG.warn("send attempt {} of {} to {} failed: {}", times + 1, timesTotal, mq, e.toString());
                last = e;
            } catch (MQBrokerException e) {
                updateFaultItem(mq.getBrokerName(), now() - attemptBegin, true);
                LOG.warn("send attempt {} of {} to {} refused: {}", times + 1, timesTotal, mq, e.getMessage());
                last = e;
                if (!retryResponseCodes.contains(e.getResponseCode())) {
                    throw e;
                }
            }
        }
        if (callTimeout) {
            throw new RemotingTooMuchRequestException("sendDefaultImpl call timeout after " + (now() - begin) + "ms");
        }
        String info2 = "Send [" + times + "] times, still failed, cost [" + (now() - begin)
            + "]ms, Topic: " + msg.getTopic() + ", BrokersSent: " + brokersSent;
        MQClientException e = new MQClientException(info2, last);
        if (last instanceof MQBrokerException) {
            e.setResponseCode(((MQBrokerException) last).getResponseCode());
        } else if (last instanceof RemotingConnectException) {
            e.setResponseCode(ClientErrorCode.CONNECT_BROKER_EXCEPTION);
        } else if (last instanceof RemotingTimeoutException) {
            e.setResponseCode(ClientErrorCode.ACCESS_BROKER_TIMEOUT);
        } else if (last instanceof MQClientException) {
            e.setResponseCode(((MQClientException) last).getResponseCode());
        }
        throw e;
    }

    /**
     * One attempt to one queue. For async sends with a publish info, a failure with time budget left is
     * retried on another queue up to {@code asyncRetries} times before the callback hears of it.
     */
    SendResult sendKernelImpl(final Message msg, final MessageQueue mq, CommunicationMode mode,
                              final SendCallback callback, final TopicPublishInfo info, final long timeout,
                              final int asyncRetries)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        final long begin = now();
        String brokerAddr = mQClientFactory.findBrokerAddressInPublish(mq.getBrokerName());
        if (brokerAddr == null) {
            tryToFindTopicPublishInfo(mq.getTopic());
            brokerAddr = mQClientFactory.findBrokerAddressInPublish(mq.getBrokerName());
        }
        if (brokerAddr == null) {
            throw new MQClientException(ClientErrorCode.BROKER_NOT_EXIST_EXCEPTION, "The broker[" + mq.getBrokerName() + "] not exist");
        }
        if (defaultMQProducer.isSendMessageWithVIPChannel()) {
            brokerAddr = vipAddress(brokerAddr);
        }
        PreparedSend send = PreparedSend.of(msg, mq, defaultMQProducer.getProducerGroup(), defaultMQProducer.getCreateTopicKey(),
            defaultMQProducer.getDefaultTopicQueueNums(), defaultMQProducer.getCompressMsgBodyOverHowmuch(),
            defaultMQProducer.isUnitMode());
        hooks.checkForbidden(msg, mq, brokerAddr, mode);
        final SendMessageContext context = hooks.beforeSend(this, msg, mq, brokerAddr, mode);
        try {
            SendResult result = sendKernelCall(msg, mq, mode, callback, info, timeout, asyncRetries, begin, brokerAddr, send, context);
            // as RocketMQ: an async send's after-hooks also run here, with no result yet, then again with its result
            hooks.afterSend(context, result, null);
            return result;
        } catch (RemotingException | MQBrokerException | InterruptedException e) {
            hooks.afterSend(context, null, e);
            throw e;
        }
    }

    private SendResult sendKernelCall(final Message msg, final MessageQueue mq, CommunicationMode mode,
                                      final SendCallback callback, final TopicPublishInfo info, final long timeout,
                                      final int asyncRetries, final long begin, String brokerAddr, PreparedSend send,
                                      final SendMessageContext context)
        throws RemotingException, MQBrokerException, InterruptedException {
        switch (mode) {
            case SYNC:
                return SendResults.of(mq.getBrokerName(), msg,
                    api.sendMessageSync(brokerAddr, msg, send.header(), send.body(), timeout));
            case ONEWAY:
                api.sendMessageOneway(brokerAddr, msg, send.header(), send.body(), timeout);
                return null;
            case ASYNC:
            default:
                final String addr = brokerAddr;
                api.sendMessageAsync(brokerAddr, msg, send.header(),
                    send.body(), timeout, new ReplyCallback<SendReply>() {
                        @Override
                        public void onSuccess(SendReply reply) {
                            SendResult sendResult = SendResults.of(mq.getBrokerName(), msg, reply);
                            updateFaultItem(mq.getBrokerName(), now() - begin, false);
                            if (context != null) {
                                context.setSendResult(sendResult);
                                hooks.after(context);
                            }
                            runCallback(callback, sendResult, null);
                        }

                        @Override
                        public void onException(Throwable e) {
                            updateFaultItem(mq.getBrokerName(), now() - begin, true);
                            retryAsync(msg, mq, addr, callback, info, timeout - (now() - begin),
                                asyncRetries, e);
                        }
                    });
                return null;
        }
    }

    private void retryAsync(Message msg, MessageQueue failed, String addr, SendCallback callback, TopicPublishInfo info,
                            long remaining, int retriesLeft, Throwable cause) {
        boolean retryable = !(cause instanceof MQBrokerException)
            || retryResponseCodes.contains(((MQBrokerException) cause).getResponseCode());
        if (info == null || retriesLeft <= 0 || remaining <= 0 || !retryable) {
            runCallback(callback, null, cause);
            return;
        }
        MessageQueue next = selectOneMessageQueue(info, failed.getBrokerName());
        LOG.warn("async send to {} ({}) failed: {}; retrying on {}", failed, addr, cause.toString(), next);
        try {
            sendKernelImpl(msg, next, CommunicationMode.ASYNC, callback, info, remaining, retriesLeft - 1);
        } catch (Exception e) {
            runCallback(callback, null, e);
        }
    }

    private static void runCallback(SendCallback callback, SendResult result, Throwable error) {
        try {
            if (error == null) {
                callback.onSuccess(result);
            } else {
                callback.onException(error);
            }
        } catch (Throwable t) {
            LOG.warn("send callback threw {}", t.toString());
        }
    }

    /** The broker's VIP port (listen port − 2), used when vipChannelEnabled (docs/protocol/remoting.md §1). */
    static String vipAddress(String addr) {
        int colon = addr.lastIndexOf(':');
        if (colon < 0) {
            return addr;
        }
        int port = Integer.parseInt(addr.substring(colon + 1));
        return addr.substring(0, colon) + ":" + (port - 2);
    }

    public ServiceState getServiceState() {
        return serviceState;
    }
}
