package org.mercurymq.controller.state;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A change to the {@link ReplicaTable}, decided by the leader and replicated through the Raft log as one JSON
 * object {@code {"type":..., ...}}. Each event carries what it expects (epochs, check codes) so that applying it
 * is a deterministic compare-and-set: a decision made on stale data is refused, never half-applied.
 */
public sealed interface ControllerEvent {

    String brokerName();

    /** Claim a controller broker id (code 1013). */
    record ApplyBrokerId(String clusterName, String brokerName, long brokerId, String registerCheckCode)
        implements ControllerEvent {
    }

    /** Record the address of a replica that holds its id (code 1003). */
    record RegisterBroker(String clusterName, String brokerName, long brokerId, String address) implements ControllerEvent {
    }

    /** Outcome of an election under {@code expectedMasterEpoch}: a new master, or {@link BrokerGroup#NO_MASTER}. */
    record ElectMaster(String brokerName, int expectedMasterEpoch, long newMasterBrokerId) implements ControllerEvent {
    }

    /** A new SyncStateSet proposed by the master {@code masterBrokerId} under its epochs (code 1001). */
    record AlterSyncStateSet(String brokerName, long masterBrokerId, int masterEpoch, int syncStateSetEpoch,
                             Set<Long> newSyncStateSet) implements ControllerEvent {
    }

    default byte[] encode() {
        JSONObject o = (JSONObject) JSON.toJSON(this);
        o.put("type", getClass().getSimpleName());
        return o.toJSONString().getBytes(StandardCharsets.UTF_8);
    }

    static ControllerEvent decode(byte[] bytes) {
        JSONObject o = JSON.parseObject(new String(bytes, StandardCharsets.UTF_8));
        String type = o.getString("type");
        if (type == null) {
            throw new IllegalArgumentException("controller event without type");
        }
        switch (type) {
            case "ApplyBrokerId":
                return new ApplyBrokerId(o.getString("clusterName"), o.getString("brokerName"), o.getLongValue("brokerId"),
                    o.getString("registerCheckCode"));
            case "RegisterBroker":
                return new RegisterBroker(o.getString("clusterName"), o.getString("brokerName"), o.getLongValue("brokerId"),
                    o.getString("address"));
            case "ElectMaster":
                return new ElectMaster(o.getString("brokerName"), o.getIntValue("expectedMasterEpoch"),
                    o.getLongValue("newMasterBrokerId"));
            case "AlterSyncStateSet":
                List<Long> ids = o.getJSONArray("newSyncStateSet").toJavaList(Long.class);
                return new AlterSyncStateSet(o.getString("brokerName"), o.getLongValue("masterBrokerId"),
                    o.getIntValue("masterEpoch"), o.getIntValue("syncStateSetEpoch"), new TreeSet<>(ids));
            default:
                throw new IllegalArgumentException("unknown controller event type " + type);
        }
    }
}
