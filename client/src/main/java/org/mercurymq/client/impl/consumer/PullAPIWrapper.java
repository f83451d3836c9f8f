package org.mercurymq.client.impl.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.mercurymq.client.consumer.PullCallback;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.CommunicationMode;
import org.mercurymq.client.hook.FilterMessageContext;
import org.mercurymq.client.hook.FilterMessageHook;
import org.mercurymq.client.impl.FindBrokerResult;
import org.mercurymq.client.impl.HookList;
import org.mercurymq.client.impl.PullReply;
import org.mercurymq.client.impl.ReplyCallback;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.common.sysflag.PullSysFlag;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.header.PullMessageRequestHeader;

/**
 * Issues PULL_MESSAGE for a consumer group and post-processes replies: decodes the messages, filters
 * them again by tag string (the broker filters by tag hash only), adds MIN_OFFSET/MAX_OFFSET, and
 * remembers the broker id the reply suggests for the next pull of that queue (docs/client.md). Filter
 * hooks see each reply's messages after the tag filter.
 * Thread-safe.
 */
public class PullAPIWrapper {
    /** Broker addresses of the routes (refreshed on a miss). */
    private final MQClientInstance mQClientFactory;
    private final MQClientAPIImpl api;
    private final String consumerGroup;
    private final ConcurrentHashMap<MessageQueue, Long> pullFromWhichNodeTable = new ConcurrentHashMap<MessageQueue, Long>(32);
    private volatile boolean connectBrokerByUser = false;
    private volatile long defaultBrokerId = BrokerConstants.MASTER_ID;
    private volatile HookList<FilterMessageHook> filterMessageHooks = new HookList<FilterMessageHook>("filter message");
    private volatile boolean unitMode;

    public PullAPIWrapper(MQClientInstance mQClientFactory, MQClientAPIImpl api, String consumerGroup) {
        this.mQClientFactory = mQClientFactory;
        this.api = api;
        this.consumerGroup = consumerGroup;
    }

    /** Decodes and filters a reply; returns the same result with {@code msgFoundList} set. */
    public PullResult processPullResult(final MessageQueue mq, final PullResult pullResult, final SubscriptionData subscriptionData) {
        PullResultExt ext = (PullResultExt) pullResult;
        pullFromWhichNodeTable.put(mq, ext.getSuggestWhichBrokerId());
        if (pullResult.getPullStatus() == PullStatus.FOUND && ext.getMessageBinary() != null) {
            List<MessageExt> decoded = PulledMessages.decode(mq, ext.getMessageBinary());
            List<MessageExt> kept = decoded;
            if (subscriptionData != null && !subscriptionData.getTagsSet().isEmpty() && !subscriptionData.isClassFilterMode()) {
                kept = new ArrayList<MessageExt>(decoded.size());
                for (MessageExt msg : decoded) {
                    if (msg.getTags() != null && subscriptionData.getTagsSet().contains(msg.getTags())) {
                        kept.add(msg);
                    }
                }
            }
            if (!filterMessageHooks.isEmpty()) {
                FilterMessageContext ctx = new FilterMessageContext();
                ctx.setUnitMode(unitMode);
                ctx.setMsgList(kept);
                executeHook(ctx);
            }
            String min = String.valueOf(pullResult.getMinOffset());
            String max = String.valueOf(pullResult.getMaxOffset());
            for (MessageExt msg : kept) {
                if (Boolean.parseBoolean(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
                    msg.setTransactionId(msg.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
                }
                MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MIN_OFFSET, min);
                MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MAX_OFFSET, max);
                msg.setBrokerName(mq.getBrokerName());
            }
            pullResult.setMsgFoundList(kept);
        }
        ext.setMessageBinary(null);
        return pullResult;
    }

    /** Shares the consumer engine's filter hooks, so hooks registered later are seen too. */
    void useFilterMessageHooks(HookList<FilterMessageHook> hooks, boolean unitMode) {
        this.filterMessageHooks = hooks;
        this.unitMode = unitMode;
    }

    public void registerFilterMessageHook(ArrayList<FilterMessageHook> filterMessageHookList) {
        for (FilterMessageHook hook : filterMessageHookList) {
            filterMessageHooks.register(hook);
        }
    }

    public boolean hasHook() {
        return !filterMessageHooks.isEmpty();
    }

    public void executeHook(final FilterMessageContext context) {
        filterMessageHooks.callEach(hook -> hook.filterMessage(context));
    }

    long recalculatePullFromWhichNode(final MessageQueue mq) {
        if (connectBrokerByUser) {
            return defaultBrokerId;
        }
        Long suggested = pullFromWhichNodeTable.get(mq);
        return suggested == null ? BrokerConstants.MASTER_ID : suggested;
    }

    /**
     * Sends one pull. SYNC returns the (undecoded) result; ASYNC returns null and reports to
     * {@code pullCallback}. A pull to a slave never carries the commit-offset bit.
     */
    public PullResult pullKernelImpl(final MessageQueue mq, final String subExpression, final String expressionType,
                                     final long subVersion, final long offset, final int maxNums, final int sysFlag,
                                     final long commitOffset, final long brokerSuspendMaxTimeMillis, final long timeoutMillis,
                                     final CommunicationMode communicationMode, final PullCallback pullCallback)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(),
            recalculatePullFromWhichNode(mq), false);
        if (broker == null) {
            mQClientFactory.updateTopicRouteInfoFromNameServer(mq.getTopic());
            broker = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(), recalculatePullFromWhichNode(mq), false);
        }
        if (broker == null) {
            throw new MQClientException("The broker[" + mq.getBrokerName() + "] not exist", null);
        }
        int flag = broker.isSlave() ? PullSysFlag.clearCommitOffsetFlag(sysFlag) : sysFlag;
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup(consumerGroup);
        header.setTopic(mq.getTopic());
        header.setQueueId(mq.getQueueId());
        header.setQueueOffset(offset);
        header.setMaxMsgNums(maxNums);
        header.setSysFlag(flag);
        header.setCommitOffset(commitOffset);
        header.setSuspendTimeoutMillis(brokerSuspendMaxTimeMillis);
        header.setSubscription(subExpression);
        header.setSubVersion(subVersion);
        header.setExpressionType(expressionType);
        header.setBname(mq.getBrokerName());
        if (communicationMode == CommunicationMode.ASYNC) {
            api.pullMessageAsync(broker.getBrokerAddr(), header, timeoutMillis, new ReplyCallback<PullReply>() {
                @Override
                public void onSuccess(PullReply reply) {
                    pullCallback.onSuccess(PullResults.of(reply));
                }

                @Override
                public void onException(Throwable e) {
                    pullCallback.onException(e);
                }
            });
            return null;
        }
        return PullResults.of(api.pullMessageSync(broker.getBrokerAddr(), header, timeoutMillis));
    }

    public void setConnectBrokerByUser(boolean connectBrokerByUser) {
        this.connectBrokerByUser = connectBrokerByUser;
    }

    public void setDefaultBrokerId(long defaultBrokerId) {
        this.defaultBrokerId = defaultBrokerId;
    }
}
