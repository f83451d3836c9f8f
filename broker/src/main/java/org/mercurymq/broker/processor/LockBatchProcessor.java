package org.mercurymq.broker.processor;

import java.util.Set;
import org.mercurymq.broker.lock.RebalanceLockManager;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.body.LockBatchRequestBody;
import org.mercurymq.remoting.protocol.body.LockBatchResponseBody;
import org.mercurymq.remoting.protocol.body.UnlockBatchRequestBody;

/** LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42) for orderly consumers (docs/protocol/behaviour.md §12). Thread-safe. */
public final class LockBatchProcessor extends CodeDispatchingProcessor {
    private final RebalanceLockManager locks;

    public LockBatchProcessor(RebalanceLockManager locks) {
        this.locks = locks;
        on(RequestCode.LOCK_BATCH_MQ, this::lock);
        on(RequestCode.UNLOCK_BATCH_MQ, this::unlock);
    }

    private RemotingCommand lock(RemotingChannel channel, RemotingCommand request) {
        LockBatchRequestBody body = decodeBody(request, LockBatchRequestBody.class);
        checkLockRequest(body.getConsumerGroup(), body.getClientId(), body.getMqSet());
        Set<MessageQueue> granted = locks.tryLockBatch(body.getConsumerGroup(), body.getMqSet(), body.getClientId());
        LockBatchResponseBody reply = new LockBatchResponseBody();
        reply.setLockOKMQSet(granted);
        RemotingCommand response = success(request);
        response.setBody(reply.encode());
        return response;
    }

    private RemotingCommand unlock(RemotingChannel channel, RemotingCommand request) {
        UnlockBatchRequestBody body = decodeBody(request, UnlockBatchRequestBody.class);
        checkLockRequest(body.getConsumerGroup(), body.getClientId(), body.getMqSet());
        locks.unlockBatch(body.getConsumerGroup(), body.getMqSet(), body.getClientId());
        return success(request);
    }

    private static void checkLockRequest(String group, String clientId, Set<MessageQueue> mqs) {
        require(group != null && !group.isEmpty(), "lock request without consumerGroup");
        require(clientId != null && !clientId.isEmpty(), "lock request without clientId");
        require(mqs != null, "lock request without mqSet");
        for (MessageQueue mq : mqs) {
            require(mq != null && mq.getTopic() != null && mq.getBrokerName() != null,
                "lock request with an incomplete message queue in mqSet: " + mq);
        }
    }
}
