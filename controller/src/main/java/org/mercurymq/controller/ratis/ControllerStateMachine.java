package org.mercurymq.controller.ratis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.mercurymq.controller.state.ApplyResult;
import org.mercurymq.controller.state.ControllerEvent;
import org.mercurymq.controller.state.ReplicaTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ratis state machine: each committed log entry is one {@link ControllerEvent} applied to the {@link ReplicaTable};
 * the reply carries "ok" or the refusal code and reason. No snapshots: on restart Ratis replays the whole log
 * (docs/controller.md, "Limitations"). Called by Ratis' apply thread, one entry at a time.
 */
public final class ControllerStateMachine extends BaseStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerStateMachine.class);

    private final ReplicaTable table;

    public ControllerStateMachine(ReplicaTable table) {
        this.table = table;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        byte[] data = entry.getStateMachineLogEntry().getLogData().toByteArray();
        String reply;
        try {
            ControllerEvent event = ControllerEvent.decode(data);
            ApplyResult result = table.apply(event);
            if (result.succeeded()) {
                LOG.info("applied index={} {} -> {}", entry.getIndex(), event, result.group());
                reply = "ok";
            } else {
                LOG.info("refused index={} {}: {}", entry.getIndex(), event, result.reason());
                reply = result.error().code() + " " + result.reason();
            }
        } catch (RuntimeException e) {
            // an entry this version cannot read must not stop the apply loop; it changes nothing
            LOG.error("unreadable controller log entry index={}: {}", entry.getIndex(), e.toString());
            reply = "unreadable entry: " + e.getMessage();
        }
        updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
        return CompletableFuture.completedFuture(Message.valueOf(reply));
    }

    /** One line per leader change (Ratis' own vote logging is turned down in conf/logback_controller.xml). */
    @Override
    public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId newLeaderId) {
        LOG.info("controller peer {}: Raft leader is now {}", member.getPeerId(), newLeaderId);
    }

    static String replyText(Message m) {
        return m.getContent().toString(StandardCharsets.UTF_8);
    }
}
