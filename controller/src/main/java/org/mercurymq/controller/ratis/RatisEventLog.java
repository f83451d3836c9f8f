package org.mercurymq.controller.ratis;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.util.NetUtils;
import org.apache.ratis.util.TimeDuration;
import org.mercurymq.controller.manager.EventLog;
import org.mercurymq.controller.state.ApplyResult;
import org.mercurymq.controller.state.ControllerEvent;
import org.mercurymq.controller.state.ReplicaTable;
import org.mercurymq.remoting.protocol.controller.ControllerResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EventLog} on Apache Ratis: this peer's Raft server (Netty transport, log under controllerStorePath) and a
 * Raft client that submits this peer's decisions to the group. Thread-safe; start() once, shutdown() once.
 */
public final class RatisEventLog implements EventLog {
    private static final Logger LOG = LoggerFactory.getLogger(RatisEventLog.class);

    private final RatisPeers peers;
    private final RaftPeer self;
    private final ReplicaTable table;
    private final RaftProperties properties = new RaftProperties();
    private RaftServer server;
    private RaftClient client;

    /**
     * @param electionTimeoutMin Raft election timeout bounds (ms); a leader is replaced within about the upper bound
     */
    public RatisEventLog(RatisPeers peers, String selfId, File storageDir, ReplicaTable table, long electionTimeoutMin,
                         long electionTimeoutMax, long requestTimeout) {
        this(peers, selfId, storageDir, table, electionTimeoutMin, electionTimeoutMax, requestTimeout, 10_000);
    }

    /** {@code snapshotThreshold}: a snapshot every this many applied entries; the log before it is purged. */
    public RatisEventLog(RatisPeers peers, String selfId, File storageDir, ReplicaTable table, long electionTimeoutMin,
                         long electionTimeoutMax, long requestTimeout, long snapshotThreshold) {
        this.peers = peers;
        this.self = peers.peer(selfId);
        this.table = table;
        RaftConfigKeys.Rpc.setType(properties, SupportedRpcType.NETTY);
        NettyConfigKeys.Server.setPort(properties, NetUtils.createSocketAddr(self.getAddress()).getPort());
        RaftServerConfigKeys.setStorageDir(properties, List.of(storageDir));
        RaftServerConfigKeys.Rpc.setTimeoutMin(properties, TimeDuration.valueOf(electionTimeoutMin, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setTimeoutMax(properties, TimeDuration.valueOf(electionTimeoutMax, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setRequestTimeout(properties, TimeDuration.valueOf(requestTimeout, TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(properties, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(properties, snapshotThreshold);
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(properties, 2);
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(properties, true);
    }

    public synchronized void start() throws IOException {
        server = RaftServer.newBuilder()
            .setServerId(self.getId())
            .setGroup(peers.group())
            .setStateMachine(new ControllerStateMachine(table))
            .setProperties(properties)
            .setOption(RaftStorage.StartupOption.RECOVER)
            .build();
        server.start();
        client = RaftClient.newBuilder()
            .setProperties(properties)
            .setRaftGroup(peers.group())
            .setLeaderId(self.getId())
            // the caller answers the broker; a long client-side retry would only delay that answer
            .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(3,
                TimeDuration.valueOf(200, TimeUnit.MILLISECONDS)))
            .build();
        LOG.info("controller Raft peer {} started at {}, group {} peers {}", self.getId(), self.getAddress(),
            peers.group().getGroupId(), peers);
    }

    public synchronized void shutdown() {
        try {
            if (client != null) {
                client.close();
            }
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            LOG.warn("error while stopping the controller Raft peer {}: {}", self.getId(), e.toString());
        }
    }

    @Override
    public CompletableFuture<ApplyResult> submit(ControllerEvent event) {
        return client.async().send(Message.valueOf(org.apache.ratis.thirdparty.com.google.protobuf.ByteString
                .copyFrom(event.encode())))
            .thenApply(reply -> toResult(event, reply));
    }

    private ApplyResult toResult(ControllerEvent event, RaftClientReply reply) {
        if (!reply.isSuccess()) {
            throw new IllegalStateException("not committed: " + (reply.getException() == null ? "unknown reason"
                : reply.getException().getMessage()));
        }
        String text = ControllerStateMachine.replyText(reply.getMessage());
        if (text.equals("ok")) {
            return ApplyResult.ok(table.group(event.brokerName()));
        }
        int space = text.indexOf(' ');
        ControllerResponseCode code = space > 0 ? parseCode(text.substring(0, space)) : null;
        if (code == null) {
            return ApplyResult.refused(table.group(event.brokerName()), ControllerResponseCode.CONTROLLER_INVALID_REQUEST,
                text);
        }
        return ApplyResult.refused(table.group(event.brokerName()), code, text.substring(space + 1));
    }

    private static ControllerResponseCode parseCode(String s) {
        try {
            return ControllerResponseCode.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private DivisionInfo info() {
        try {
            return server.getDivision(peers.group().getGroupId()).getInfo();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public boolean isLeader() {
        DivisionInfo info = info();
        return info != null && info.isLeader() && info.isLeaderReady();
    }

    @Override
    public String selfId() {
        return self.getId().toString();
    }

    @Override
    public String leaderId() {
        DivisionInfo info = info();
        RaftPeerId id = info == null ? null : info.getLeaderId();
        return id == null ? null : id.toString();
    }

    @Override
    public String peers() {
        return peers.toString();
    }

    @Override
    public ReplicaTable table() {
        return table;
    }
}
