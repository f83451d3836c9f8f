package org.mercurymq.client.impl.factory;

import java.util.Set;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.QueryResult;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.exception.RemotingException;

/**
 * The {@code MQAdmin} methods of a public facade (producer, push and pull consumer), written once: the facade's
 * namespace is added to topics and queues, and a facade that is not started is refused. Each facade method is a
 * one-line call to this. Thread-safe.
 */
public final class MQAdminDelegate {
    /** The client instance of the facade's engine, or null before start. */
    public interface InstanceSource {
        MQClientInstance instance();
    }

    private final ClientConfig facade;
    private final InstanceSource source;
    private final String notStarted;

    /** {@code notStarted}: the error message before start ("The producer is not started", ...). */
    public MQAdminDelegate(ClientConfig facade, InstanceSource source, String notStarted) {
        this.facade = facade;
        this.source = source;
        this.notStarted = notStarted;
    }

    private MQAdminImpl admin() throws MQClientException {
        MQClientInstance instance = source.instance();
        if (instance == null) {
            throw new MQClientException(notStarted, null);
        }
        return instance.getMQAdminImpl();
    }

    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        admin().createTopic(key, facade.withNamespace(newTopic), queueNum, topicSysFlag);
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        return admin().searchOffset(facade.queueWithNamespace(mq), timestamp);
    }

    public long maxOffset(MessageQueue mq) throws MQClientException {
        return admin().maxOffset(facade.queueWithNamespace(mq));
    }

    public long minOffset(MessageQueue mq) throws MQClientException {
        return admin().minOffset(facade.queueWithNamespace(mq));
    }

    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        return admin().earliestMsgStoreTime(facade.queueWithNamespace(mq));
    }

    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        return admin().viewMessage(offsetMsgId);
    }

    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return admin().queryMessage(facade.withNamespace(topic), key, maxNum, begin, end);
    }

    /** By offset id first; failing that, as a client (unique key) id. */
    public MessageExt viewMessage(String topic, String msgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        try {
            return admin().viewMessage(msgId);
        } catch (Exception ignored) {
            // not an offset id (or not found by it): try it as a client id
        }
        return admin().queryMessageByUniqKey(facade.withNamespace(topic), msgId);
    }

    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        return admin().fetchSubscribeMessageQueues(facade.withNamespace(topic));
    }
}
