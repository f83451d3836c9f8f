package org.mercurymq.client.impl.consumer;

import java.util.Collection;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.common.filter.ExpressionType;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.CheckClientRequestBody;

/**
 * CHECK_CLIENT_CONFIG (46) at consumer start, as RocketMQ 4.9.x clients do: each non-TAG subscription (SQL92)
 * is sent to one broker of its topic, which compiles it; a refusal (property filtering off, or an expression
 * that does not compile) fails start() with the broker's code and remark. Stateless.
 */
final class SubscriptionCheck {
    private SubscriptionCheck() {
    }

    static void checkInBrokers(MQClientInstance routes, MQClientAPIImpl api, ClientConfig clientConfig, String group,
                               Collection<SubscriptionData> subscriptions) throws MQClientException {
        for (SubscriptionData sd : subscriptions) {
            if (ExpressionType.isTagType(sd.getExpressionType())) {
                continue;
            }
            String addr = routes.findBrokerAddrByTopic(sd.getTopic());
            if (addr == null) {
                continue;
            }
            CheckClientRequestBody body = new CheckClientRequestBody();
            body.setClientId(routes.getClientId());
            body.setGroup(group);
            body.setSubscriptionData(sd);
            RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.CHECK_CLIENT_CONFIG, null);
            request.setLanguage(clientConfig.getLanguage());
            request.setBody(body.encode());
            RemotingCommand response;
            try {
                response = api.getRemotingClient().invokeSync(addr, request, clientConfig.getMqClientApiTimeout());
            } catch (Exception e) {
                throw new MQClientException("Check client in broker error, maybe because you use "
                    + sd.getExpressionType() + " to filter message, but server has not been upgraded to support!", e);
            }
            if (response.getCode() != ResponseCode.SUCCESS.code()) {
                throw new MQClientException(response.getCode(), response.getRemark());
            }
        }
    }
}
