package org.mercurymq.controller.state;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.mercurymq.controller.state.ControllerEvent.AlterSyncStateSet;
import org.mercurymq.controller.state.ControllerEvent.ApplyBrokerId;
import org.mercurymq.controller.state.ControllerEvent.ElectMaster;
import org.mercurymq.controller.state.ControllerEvent.RegisterBroker;
import org.mercurymq.remoting.protocol.controller.ControllerResponseCode;

/**
 * The replicated table of broker groups. {@link #apply} is the only mutator and is deterministic, so the Raft log
 * replayed on any peer gives the same table. Thread-safe: applies are serialized, reads see immutable groups.
 */
public final class ReplicaTable {
    private final Map<String, BrokerGroup> groups = new ConcurrentHashMap<>();

    /** The group, or null if no broker of that name ever applied for an id. */
    public BrokerGroup group(String brokerName) {
        return groups.get(brokerName);
    }

    public List<BrokerGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    /**
     * The whole table as JSON (a Raft snapshot, docs/controller.md "Snapshots"): per group its cluster, name, master,
     * both epochs, SyncStateSet and replicas (id, check code, address).
     */
    public synchronized String toJson() {
        JSONArray out = new JSONArray();
        for (BrokerGroup g : new TreeMap<>(groups).values()) {
            JSONObject o = new JSONObject();
            o.put("clusterName", g.clusterName());
            o.put("brokerName", g.brokerName());
            o.put("masterBrokerId", g.masterBrokerId());
            o.put("masterEpoch", g.masterEpoch());
            o.put("syncStateSetEpoch", g.syncStateSetEpoch());
            o.put("syncStateSet", new JSONArray(new ArrayList<Object>(g.syncStateSet())));
            JSONArray replicas = new JSONArray();
            for (BrokerGroup.Replica r : g.replicas().values()) {
                JSONObject j = new JSONObject();
                j.put("brokerId", r.brokerId());
                j.put("registerCheckCode", r.registerCheckCode());
                j.put("address", r.address());
                replicas.add(j);
            }
            o.put("replicas", replicas);
            out.add(o);
        }
        return out.toJSONString();
    }

    /** Replaces the whole table with a snapshot written by {@link #toJson()}. */
    public synchronized void restore(String json) {
        Map<String, BrokerGroup> restored = new TreeMap<>();
        JSONArray in = JSON.parseArray(json);
        for (int i = 0; i < in.size(); i++) {
            JSONObject o = in.getJSONObject(i);
            Map<Long, BrokerGroup.Replica> replicas = new TreeMap<>();
            JSONArray rs = o.getJSONArray("replicas");
            for (int k = 0; k < rs.size(); k++) {
                JSONObject r = rs.getJSONObject(k);
                replicas.put(r.getLongValue("brokerId"), new BrokerGroup.Replica(r.getLongValue("brokerId"),
                    r.getString("registerCheckCode"), r.getString("address")));
            }
            BrokerGroup g = new BrokerGroup(o.getString("clusterName"), o.getString("brokerName"), replicas,
                new TreeSet<>(o.getJSONArray("syncStateSet").toJavaList(Long.class)), o.getLongValue("masterBrokerId"),
                o.getIntValue("masterEpoch"), o.getIntValue("syncStateSetEpoch"));
            restored.put(g.brokerName(), g);
        }
        groups.clear();
        groups.putAll(restored);
    }

    /** Applies one event: the group changes only if every check passes. */
    public synchronized ApplyResult apply(ControllerEvent event) {
        BrokerGroup current = groups.get(event.brokerName());
        ApplyResult result;
        if (event instanceof ApplyBrokerId e) {
            result = applyBrokerId(current, e);
        } else if (event instanceof RegisterBroker e) {
            result = register(current, e);
        } else if (event instanceof ElectMaster e) {
            result = elect(current, e);
        } else if (event instanceof AlterSyncStateSet e) {
            result = alter(current, e);
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
        if (result.succeeded()) {
            groups.put(event.brokerName(), result.group());
        }
        return result;
    }

    private static ApplyResult applyBrokerId(BrokerGroup current, ApplyBrokerId e) {
        BrokerGroup group = current == null ? BrokerGroup.empty(e.clusterName(), e.brokerName()) : current;
        if (e.brokerId() <= 0) {
            return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_BROKER_ID_INVALID,
                "broker id must be positive, got " + e.brokerId());
        }
        BrokerGroup.Replica owner = group.replicas().get(e.brokerId());
        if (owner != null) {
            if (Objects.equals(owner.registerCheckCode(), e.registerCheckCode())) {
                return ApplyResult.ok(group); // the same broker retrying its claim
            }
            return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_BROKER_ID_INVALID,
                "broker id " + e.brokerId() + " of " + e.brokerName() + " is already taken");
        }
        return ApplyResult.ok(group.withReplica(new BrokerGroup.Replica(e.brokerId(), e.registerCheckCode(), null)));
    }

    private static ApplyResult register(BrokerGroup current, RegisterBroker e) {
        if (current == null || !current.replicas().containsKey(e.brokerId())) {
            return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_BROKER_METADATA_NOT_EXIST,
                "broker id " + e.brokerId() + " of " + e.brokerName() + " was never applied for");
        }
        BrokerGroup.Replica r = current.replicas().get(e.brokerId());
        if (Objects.equals(r.address(), e.address())) {
            return ApplyResult.ok(current);
        }
        return ApplyResult.ok(current.withReplica(new BrokerGroup.Replica(r.brokerId(), r.registerCheckCode(), e.address())));
    }

    private static ApplyResult elect(BrokerGroup current, ElectMaster e) {
        if (current == null) {
            return ApplyResult.refused(null, ControllerResponseCode.CONTROLLER_BROKER_NEED_TO_BE_REGISTERED,
                "broker group " + e.brokerName() + " is not registered");
        }
        if (current.masterEpoch() != e.expectedMasterEpoch()) {
            return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_FENCED_MASTER_EPOCH,
                "election decided under master epoch " + e.expectedMasterEpoch() + " but the epoch is now "
                    + current.masterEpoch());
        }
        if (e.newMasterBrokerId() == BrokerGroup.NO_MASTER) {
            // no eligible replica: the master is cleared, the SyncStateSet kept so its members stay the only candidates
            return ApplyResult.ok(current.withMaster(BrokerGroup.NO_MASTER, current.syncStateSet(),
                current.syncStateSetEpoch()));
        }
        if (!current.replicas().containsKey(e.newMasterBrokerId())) {
            return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_INVALID_REPLICAS,
                "broker id " + e.newMasterBrokerId() + " is not a replica of " + e.brokerName());
        }
        return ApplyResult.ok(current.withMaster(e.newMasterBrokerId(), Set.of(e.newMasterBrokerId()),
            current.syncStateSetEpoch() + 1));
    }

    private static ApplyResult alter(BrokerGroup current, AlterSyncStateSet e) {
        if (current == null) {
            return ApplyResult.refused(null, ControllerResponseCode.CONTROLLER_ALTER_SYNC_STATE_SET_FAILED,
                "broker group " + e.brokerName() + " is not registered");
        }
        if (current.masterBrokerId() != e.masterBrokerId()) {
            return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_INVALID_MASTER,
                "broker " + e.masterBrokerId() + " is not the master of " + e.brokerName() + " (master is "
                    + current.masterBrokerId() + ")");
        }
        if (current.masterEpoch() != e.masterEpoch()) {
            return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_FENCED_MASTER_EPOCH,
                "master epoch " + e.masterEpoch() + " is stale, current " + current.masterEpoch());
        }
        if (current.syncStateSetEpoch() != e.syncStateSetEpoch()) {
            return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_FENCED_SYNC_STATE_SET_EPOCH,
                "SyncStateSet epoch " + e.syncStateSetEpoch() + " is stale, current " + current.syncStateSetEpoch());
        }
        if (!e.newSyncStateSet().contains(e.masterBrokerId())) {
            return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_ALTER_SYNC_STATE_SET_FAILED,
                "the new SyncStateSet " + e.newSyncStateSet() + " does not contain the master " + e.masterBrokerId());
        }
        for (Long id : e.newSyncStateSet()) {
            if (!current.replicas().containsKey(id)) {
                return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_INVALID_REPLICAS,
                    "broker id " + id + " is not a replica of " + e.brokerName());
            }
        }
        if (current.syncStateSet().equals(e.newSyncStateSet())) {
            return ApplyResult.refused(current, ControllerResponseCode.CONTROLLER_ALTER_SYNC_STATE_SET_FAILED,
                "the SyncStateSet is already " + current.syncStateSet());
        }
        return ApplyResult.ok(current.withSyncStateSet(e.newSyncStateSet()));
    }
}
