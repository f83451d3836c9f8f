package org.mercurymq.test.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.controller.ControllerRequestCode;
import org.mercurymq.remoting.protocol.header.controller.ApplyBrokerIdRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.GetReplicaInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.RegisterBrokerToControllerRequestHeader;

/** Sends controller requests the way a broker does (codes 1005, 1013, 1003, 1004). Not thread-safe. */
final class ControllerWire implements AutoCloseable {
    private final NettyRemotingClient client = new NettyRemotingClient(NettyClientConfig.builder().build());

    ControllerWire() {
        client.start();
    }

    RemotingCommand call(String addr, int code, CommandCustomHeader header) {
        try {
            RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
            return client.invokeSync(addr, request, 15_000);
        } catch (Exception e) {
            return null; // unreachable or killed peer: the caller polls again
        }
    }

    /** True if the controller at addr answers 1005 with isLeader=true. */
    boolean isLeader(String addr) {
        RemotingCommand r = call(addr, ControllerRequestCode.CONTROLLER_GET_METADATA_INFO, null);
        return r != null && r.getCode() == 0 && "true".equals(r.getExtFields().get("isLeader"));
    }

    RemotingCommand applyId(String addr, String brokerName, long id, String checkCode) {
        ApplyBrokerIdRequestHeader h = new ApplyBrokerIdRequestHeader();
        h.setClusterName("DefaultCluster");
        h.setBrokerName(brokerName);
        h.setAppliedBrokerId(id);
        h.setRegisterCheckCode(checkCode);
        return call(addr, ControllerRequestCode.CONTROLLER_APPLY_BROKER_ID, h);
    }

    RemotingCommand register(String addr, String brokerName, long id, String brokerAddr) {
        RegisterBrokerToControllerRequestHeader h = new RegisterBrokerToControllerRequestHeader();
        h.setClusterName("DefaultCluster");
        h.setBrokerName(brokerName);
        h.setBrokerId(id);
        h.setBrokerAddress(brokerAddr);
        return call(addr, ControllerRequestCode.CONTROLLER_REGISTER_BROKER, h);
    }

    RemotingCommand replicaInfo(String addr, String brokerName) {
        GetReplicaInfoRequestHeader h = new GetReplicaInfoRequestHeader();
        h.setBrokerName(brokerName);
        return call(addr, ControllerRequestCode.CONTROLLER_GET_REPLICA_INFO, h);
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
