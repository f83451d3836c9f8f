package org.mercurymq.client.impl.producer;

import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.hook.CheckForbiddenContext;
import org.mercurymq.client.hook.CheckForbiddenHook;
import org.mercurymq.client.hook.EndTransactionContext;
import org.mercurymq.client.hook.EndTransactionHook;
import org.mercurymq.client.hook.SendMessageContext;
import org.mercurymq.client.hook.SendMessageHook;
import org.mercurymq.client.impl.CommunicationMode;
import org.mercurymq.client.impl.HookList;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.message.MessageType;

/**
 * The three hook lists of one producer engine and the contexts it hands them: check-forbidden and
 * send-message hooks around each send attempt, end-transaction hooks before each END_TRANSACTION
 * (docs/client.md "Hooks"). Thread-safe.
 */
final class ProducerHooks {
    /** Property a timed-delivery message carries (besides DELAY) that makes a send hook see {@code Delay_Msg}. */
    private static final String START_DELIVER_TIME = "__STARTDELIVERTIME";

    final HookList<SendMessageHook> send = new HookList<SendMessageHook>("send message");
    final HookList<CheckForbiddenHook> checkForbidden = new HookList<CheckForbiddenHook>("check forbidden");
    final HookList<EndTransactionHook> endTransaction = new HookList<EndTransactionHook>("end transaction");

    private final DefaultMQProducer producer;

    ProducerHooks(DefaultMQProducer producer) {
        this.producer = producer;
    }

    /** Runs the check-forbidden hooks of one attempt; a hook's exception stops the send. */
    void checkForbidden(Message msg, MessageQueue mq, String brokerAddr, CommunicationMode mode) throws MQClientException {
        if (checkForbidden.isEmpty()) {
            return;
        }
        final CheckForbiddenContext ctx = new CheckForbiddenContext();
        ctx.setNameSrvAddr(producer.getNamesrvAddr());
        ctx.setGroup(producer.getProducerGroup());
        ctx.setCommunicationMode(mode);
        ctx.setBrokerAddr(brokerAddr);
        ctx.setMessage(msg);
        ctx.setMq(mq);
        ctx.setUnitMode(producer.isUnitMode());
        checkForbidden.callEachChecked(hook -> hook.checkForbidden(ctx));
    }

    /** The context of one attempt after its before-hooks ran, or null when no send hook is registered. */
    SendMessageContext beforeSend(DefaultMQProducerImpl engine, Message msg, MessageQueue mq, String brokerAddr,
                                  CommunicationMode mode) {
        if (send.isEmpty()) {
            return null;
        }
        final SendMessageContext ctx = new SendMessageContext();
        ctx.setProducer(engine);
        ctx.setProducerGroup(producer.getProducerGroup());
        ctx.setCommunicationMode(mode);
        ctx.setBornHost(producer.getClientIP());
        ctx.setBrokerAddr(brokerAddr);
        ctx.setMessage(msg);
        ctx.setMq(mq);
        ctx.setNamespace(producer.getNamespace());
        if ("true".equals(msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
            ctx.setMsgType(MessageType.Trans_Msg_Half);
        }
        if (msg.getProperty(START_DELIVER_TIME) != null || msg.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL) != null) {
            ctx.setMsgType(MessageType.Delay_Msg);
        }
        before(ctx);
        return ctx;
    }

    /** Runs the after-hooks of an attempt begun with {@link #beforeSend} (no-op for a null context). */
    void afterSend(SendMessageContext ctx, SendResult result, Exception error) {
        if (ctx == null) {
            return;
        }
        ctx.setSendResult(result);
        if (error != null) {
            ctx.setException(error);
        }
        after(ctx);
    }

    void before(final SendMessageContext ctx) {
        send.callEach(hook -> hook.sendMessageBefore(ctx));
    }

    void after(final SendMessageContext ctx) {
        send.callEach(hook -> hook.sendMessageAfter(ctx));
    }

    void endTransaction(final EndTransactionContext ctx) {
        endTransaction.callEach(hook -> hook.endTransaction(ctx));
    }

    void endTransaction(Message msg, String msgId, String brokerAddr, LocalTransactionState state, boolean fromCheck) {
        if (endTransaction.isEmpty()) {
            return;
        }
        EndTransactionContext ctx = new EndTransactionContext();
        ctx.setProducerGroup(producer.getProducerGroup());
        ctx.setBrokerAddr(brokerAddr);
        ctx.setMessage(msg);
        ctx.setMsgId(msgId);
        ctx.setTransactionId(msg.getTransactionId());
        ctx.setTransactionState(state);
        ctx.setFromTransactionCheck(fromCheck);
        endTransaction(ctx);
    }
}
