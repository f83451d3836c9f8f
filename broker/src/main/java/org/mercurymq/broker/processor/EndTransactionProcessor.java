package org.mercurymq.broker.processor;

import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.transaction.TransactionalMessageService;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.EndTransactionRequestHeader;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.PutMessageResult;
import org.mercurymq.store.PutMessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * END_TRANSACTION (37, docs/protocol/behaviour.md §10): commit stores the half message's final copy in its real topic and
 * records the half message as done; rollback only records it as done; "unknown" leaves it for the check.
 * Thread-safe.
 */
public final class EndTransactionProcessor extends CodeDispatchingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(EndTransactionProcessor.class);

    private final Supplier<BrokerConfig> config;
    private final MessageStore store;
    private final TransactionalMessageService transactions;

    public EndTransactionProcessor(Supplier<BrokerConfig> config, MessageStore store,
                                   TransactionalMessageService transactions) {
        this.config = config;
        this.store = store;
        this.transactions = transactions;
        on(RequestCode.END_TRANSACTION, this::endTransaction);
    }

    private RemotingCommand endTransaction(RemotingChannel channel, RemotingCommand request) throws Exception {
        EndTransactionRequestHeader header = request.decodeCommandCustomHeader(EndTransactionRequestHeader.class);
        if (!config.get().isMaster()) {
            return error(request, ResponseCode.SLAVE_NOT_AVAILABLE, "Can not process transaction message in slave");
        }
        int type = header.getCommitOrRollback();
        if (type != MessageSysFlag.TRANSACTION_COMMIT_TYPE && type != MessageSysFlag.TRANSACTION_ROLLBACK_TYPE) {
            // "state unknown" (or any other value): nothing to do; the check service asks the producer later.
            // Clients send this code oneway; a synchronous caller still gets an answer instead of a time-out.
            return request.response(ResponseCode.SUCCESS.code(), "transaction state " + type
                + " is neither commit nor rollback: nothing done, the broker will check it later");
        }
        MessageExt half = store.lookMessageByOffset(header.getCommitLogOffset());
        if (half == null) {
            return error(request, ResponseCode.SYSTEM_ERROR, "Find prepared transaction message failed");
        }
        String problem = verify(half, header);
        if (problem != null) {
            LOG.warn("end transaction {} from {} refused: {}", LogEscape.of(header.getMsgId()),
                channel.remoteAddress(), problem);
            return error(request, ResponseCode.SYSTEM_ERROR, problem);
        }
        if (type == MessageSysFlag.TRANSACTION_COMMIT_TYPE) {
            MessageExtBrokerInner msg = transactions.finalMessage(half);
            PutMessageResult result = store.putMessage(msg);
            if (result.getPutMessageStatus() != PutMessageStatus.PUT_OK
                && result.getPutMessageStatus() != PutMessageStatus.FLUSH_DISK_TIMEOUT
                && result.getPutMessageStatus() != PutMessageStatus.FLUSH_SLAVE_TIMEOUT
                && result.getPutMessageStatus() != PutMessageStatus.SLAVE_NOT_AVAILABLE) {
                return error(request, ResponseCode.SYSTEM_ERROR, "commit of " + header.getMsgId() + " failed: "
                    + result.getPutMessageStatus());
            }
        }
        transactions.writeOpMessage(half.getQueueId(), half.getQueueOffset(),
            RemotingHelper.string2SocketAddress(channel.remoteAddress()));
        return success(request);
    }

    private static String verify(MessageExt half, EndTransactionRequestHeader header) {
        String group = half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        if (group == null || !group.equals(header.getProducerGroup())) {
            return "The producer group wrong";
        }
        if (half.getQueueOffset() != header.getTranStateTableOffset()) {
            return "The transaction state table offset wrong";
        }
        if (half.getCommitLogOffset() != header.getCommitLogOffset()) {
            return "The commit log offset wrong";
        }
        if (half.getProperty(MessageConst.PROPERTY_REAL_TOPIC) == null) {
            return "not a half message";
        }
        return null;
    }
}
