package org.mercurymq.tools.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.controller.ControllerRequestCode;
import org.mercurymq.remoting.protocol.controller.ControllerResponseCode;
import org.mercurymq.remoting.protocol.controller.EpochEntryCacheBody;
import org.mercurymq.remoting.protocol.controller.SyncStateSetBody;
import org.mercurymq.remoting.protocol.header.controller.ElectMasterRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.GetReplicaInfoRequestHeader;

/**
 * Controller-mode admin calls (docs/controller.md, "Operating it"): a controller peer's metadata (1005), a broker
 * group's master and SyncStateSet from the leader (1004), a designated election (1002), and a broker's epochs (1007).
 * Writes and leader-only reads go to each of the given peers in turn until one is the leader. Thread-safe.
 */
final class ControllerAdminApi {
    /** A broker group as the controller leader describes it. */
    record ReplicaInfo(long masterBrokerId, String masterAddress, int masterEpoch, SyncStateSetBody syncStateSet) {
    }

    private final AdminRemoting remoting;

    ControllerAdminApi(AdminRemoting remoting) {
        this.remoting = remoting;
    }

    Map<String, String> metaData(String controllerAddr) throws RemotingException, InterruptedException, MQAdminException {
        RemotingCommand r = remoting.callController(controllerAddr,
            AdminRemoting.request(ControllerRequestCode.CONTROLLER_GET_METADATA_INFO, null));
        if (r.getCode() != 0) {
            throw new MQAdminException(r.getCode(), r.getRemark(), "controller " + controllerAddr);
        }
        return r.getExtFields() == null ? Map.of() : new LinkedHashMap<>(r.getExtFields());
    }

    ReplicaInfo replicaInfo(List<String> controllers, String brokerName)
        throws RemotingException, InterruptedException, MQAdminException {
        GetReplicaInfoRequestHeader h = new GetReplicaInfoRequestHeader();
        h.setBrokerName(brokerName);
        return toInfo(onLeader(controllers, AdminRemoting.request(ControllerRequestCode.CONTROLLER_GET_REPLICA_INFO, h)));
    }

    ReplicaInfo electMaster(List<String> controllers, String clusterName, String brokerName, long brokerId)
        throws RemotingException, InterruptedException, MQAdminException {
        ElectMasterRequestHeader h = new ElectMasterRequestHeader();
        h.setClusterName(clusterName);
        h.setBrokerName(brokerName);
        h.setBrokerId(brokerId);
        h.setDesignateElect(true);
        h.setInvokeTime(System.currentTimeMillis());
        return toInfo(onLeader(controllers, AdminRemoting.request(ControllerRequestCode.CONTROLLER_ELECT_MASTER, h)));
    }

    EpochEntryCacheBody epochCache(String brokerAddr) throws RemotingException, InterruptedException, MQAdminException {
        RemotingCommand r = remoting.callBroker(brokerAddr,
            AdminRemoting.request(ControllerRequestCode.GET_BROKER_EPOCH_CACHE, null));
        return EpochEntryCacheBody.decode(r.getBody());
    }

    /** Sends to each peer until one answers as the leader; the leader's refusal is an exception naming it. */
    private RemotingCommand onLeader(List<String> controllers, RemotingCommand request)
        throws InterruptedException, MQAdminException {
        List<String> tried = new ArrayList<>();
        for (String addr : controllers) {
            RemotingCommand r;
            try {
                r = remoting.callController(addr, AdminRemoting.request(request.getCode(), request.readCustomHeader(),
                    request.getBody()));
            } catch (RemotingException e) {
                tried.add(addr + " (" + e.getMessage() + ")");
                continue;
            }
            if (r.getCode() == ControllerResponseCode.CONTROLLER_NOT_LEADER.code()) {
                tried.add(addr + " (not the leader)");
                continue;
            }
            if (r.getCode() != 0) {
                throw new MQAdminException(r.getCode(), r.getRemark(), "controller " + addr);
            }
            return r;
        }
        throw new MQAdminException("no controller leader among " + tried);
    }

    private static ReplicaInfo toInfo(RemotingCommand r) {
        Map<String, String> f = r.getExtFields() == null ? Map.of() : r.getExtFields();
        String master = f.get("masterBrokerId");
        String epoch = f.get("masterEpoch");
        return new ReplicaInfo(master == null ? -1 : Long.parseLong(master), f.get("masterAddress"),
            epoch == null ? 0 : Integer.parseInt(epoch), SyncStateSetBody.decode(r.getBody()));
    }
}
