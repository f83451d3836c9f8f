package org.mercurymq.tools.admin;

import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.body.BrokerStatsData;
import org.mercurymq.remoting.protocol.body.ConsumeMessageDirectlyResult;
import org.mercurymq.remoting.protocol.body.ConsumeStatsList;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.protocol.body.ProducerTableInfo;
import org.mercurymq.remoting.protocol.header.ConsumeMessageDirectlyResultRequestHeader;
import org.mercurymq.remoting.protocol.header.GetConsumeStatsInBrokerHeader;
import org.mercurymq.remoting.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.ViewBrokerStatsDataRequestHeader;

/**
 * The broker requests behind the statistics commands: VIEW_BROKER_STATS_DATA (315), GET_BROKER_CONSUME_STATS
 * (317), GET_ALL_PRODUCER_INFO (328) and the client relays GET_CONSUMER_RUNNING_INFO (307) and
 * CONSUME_MESSAGE_DIRECTLY (309). Thread-safe.
 */
final class StatsAdminApi {
    /** RocketMQ's admin waits 15 s for consume stats and the client relays. */
    static final long RELAY_TIMEOUT_MILLIS = 15_000;

    private final AdminRemoting remoting;

    StatsAdminApi(AdminRemoting remoting) {
        this.remoting = remoting;
    }

    BrokerStatsData viewBrokerStatsData(String addr, String statsName, String statsKey)
        throws RemotingException, MQAdminException, InterruptedException {
        ViewBrokerStatsDataRequestHeader h = new ViewBrokerStatsDataRequestHeader();
        h.setStatsName(statsName);
        h.setStatsKey(statsKey);
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.VIEW_BROKER_STATS_DATA, h));
        return RemotingSerializable.decode(r.getBody(), BrokerStatsData.class);
    }

    ConsumeStatsList brokerConsumeStats(String addr, boolean isOrder, long timeoutMillis)
        throws RemotingException, MQAdminException, InterruptedException {
        GetConsumeStatsInBrokerHeader h = new GetConsumeStatsInBrokerHeader();
        h.setIsOrder(isOrder);
        RemotingCommand r = remoting.callBrokerWithin(addr,
            AdminRemoting.request(RequestCode.GET_BROKER_CONSUME_STATS, h), timeoutMillis);
        return RemotingSerializable.decode(r.getBody(), ConsumeStatsList.class);
    }

    ProducerTableInfo allProducerInfo(String addr) throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand r = remoting.callBroker(addr, AdminRemoting.request(RequestCode.GET_ALL_PRODUCER_INFO, null));
        return RemotingSerializable.decode(r.getBody(), ProducerTableInfo.class);
    }

    ConsumerRunningInfo consumerRunningInfo(String addr, String group, String clientId, boolean jstack)
        throws RemotingException, MQAdminException, InterruptedException {
        GetConsumerRunningInfoRequestHeader h = new GetConsumerRunningInfoRequestHeader();
        h.setConsumerGroup(group);
        h.setClientId(clientId);
        h.setJstackEnable(jstack);
        RemotingCommand r = remoting.callBrokerWithin(addr,
            AdminRemoting.request(RequestCode.GET_CONSUMER_RUNNING_INFO, h), RELAY_TIMEOUT_MILLIS);
        return ConsumerRunningInfo.decode(r.getBody(), ConsumerRunningInfo.class);
    }

    ConsumeMessageDirectlyResult consumeMessageDirectly(String addr, String group, String clientId, String topic,
                                                        String msgId)
        throws RemotingException, MQAdminException, InterruptedException {
        ConsumeMessageDirectlyResultRequestHeader h = new ConsumeMessageDirectlyResultRequestHeader();
        h.setConsumerGroup(group);
        h.setClientId(clientId);
        h.setMsgId(msgId);
        RemotingCommand request = AdminRemoting.request(RequestCode.CONSUME_MESSAGE_DIRECTLY, h);
        if (topic != null) {
            request.addExtField("topic", topic);
        }
        RemotingCommand r = remoting.callBrokerWithin(addr, request, RELAY_TIMEOUT_MILLIS);
        return RemotingSerializable.decode(r.getBody(), ConsumeMessageDirectlyResult.class);
    }
}
