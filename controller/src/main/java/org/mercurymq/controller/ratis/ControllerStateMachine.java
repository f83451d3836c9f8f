package org.mercurymq.controller.ratis;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.MD5FileUtil;
import org.mercurymq.controller.state.ApplyResult;
import org.mercurymq.controller.state.ControllerEvent;
import org.mercurymq.controller.state.ReplicaTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ratis state machine: each committed log entry is one {@link ControllerEvent} applied to the {@link ReplicaTable};
 * the reply carries "ok" or the refusal code and reason. Snapshots (docs/controller.md, "Snapshots"): the whole table
 * as JSON in Ratis' state-machine directory, taken when Ratis asks (every controllerSnapshotThreshold entries), loaded
 * at start-up, so a restarted peer replays only the entries after it and Ratis can purge the log behind it. Called by
 * Ratis' apply thread, one entry at a time.
 */
public final class ControllerStateMachine extends BaseStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerStateMachine.class);

    private final ReplicaTable table;
    /** What takeSnapshot returns when there is nothing to snapshot. */
    private static final long INVALID_INDEX = -1;

    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();

    public ControllerStateMachine(ReplicaTable table) {
        this.table = table;
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return storage;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        storage.init(raftStorage);
        loadLatestSnapshot();
    }

    @Override
    public void reinitialize() throws IOException {
        loadLatestSnapshot();
    }

    private void loadLatestSnapshot() throws IOException {
        SingleFileSnapshotInfo snapshot = storage.loadLatestSnapshot();
        if (snapshot == null) {
            return;
        }
        File file = snapshot.getFile().getPath().toFile();
        if (snapshot.getFile().getFileDigest() != null) {
            MD5FileUtil.verifySavedMD5(file, snapshot.getFile().getFileDigest());
        }
        table.restore(Files.readString(file.toPath(), StandardCharsets.UTF_8));
        setLastAppliedTermIndex(snapshot.getTermIndex());
        LOG.info("controller state loaded from snapshot {} ({} broker groups, up to log index {})", file.getName(),
            table.groups().size(), snapshot.getIndex());
    }

    @Override
    public long takeSnapshot() throws IOException {
        TermIndex last = getLastAppliedTermIndex();
        if (last == null || last.getIndex() < 0) {
            return INVALID_INDEX;
        }
        File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
        File tmp = new File(file.getParentFile(), file.getName() + ".tmp");
        Files.writeString(tmp.toPath(), table.toJson(), StandardCharsets.UTF_8);
        Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        MD5FileUtil.computeAndSaveMd5ForFile(file);
        storage.updateLatestSnapshot(new SingleFileSnapshotInfo(
            new org.apache.ratis.server.storage.FileInfo(file.toPath(), MD5FileUtil.readStoredMd5ForFile(file)), last));
        LOG.info("controller snapshot at log index {} ({} broker groups)", last.getIndex(), table.groups().size());
        return last.getIndex();
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
