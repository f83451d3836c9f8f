package org.mercurymq.controller.processor;

import com.alibaba.fastjson2.JSONException;
import java.util.List;
import org.mercurymq.controller.manager.ControllerReply;
import org.mercurymq.controller.manager.EventLog;
import org.mercurymq.controller.manager.ReplicasManager;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.exception.RemotingCommandException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.controller.ControllerRequestCode;
import org.mercurymq.remoting.protocol.controller.SyncStateSetBody;
import org.mercurymq.remoting.protocol.header.controller.AlterSyncStateSetRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.ApplyBrokerIdRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.BrokerHeartbeatRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.ElectMasterRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.GetMetaDataResponseHeader;
import org.mercurymq.remoting.protocol.header.controller.GetNextBrokerIdRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.GetReplicaInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.RegisterBrokerToControllerRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes controller requests, calls the {@link ReplicasManager} and encodes its reply. A request that cannot be
 * decoded is answered CONTROLLER_INVALID_REQUEST with the reason. Thread-safe.
 */
public final class ControllerRequestProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerRequestProcessor.class);
    /** Heartbeat timeout when a broker does not send one (RocketMQ's controllerHeartBeatTimeoutMills default). */
    private static final long DEFAULT_HEARTBEAT_TIMEOUT = 10_000L;

    public static final List<Integer> CODES = List.of(ControllerRequestCode.BROKER_HEARTBEAT,
        ControllerRequestCode.CONTROLLER_ALTER_SYNC_STATE_SET, ControllerRequestCode.CONTROLLER_ELECT_MASTER,
        ControllerRequestCode.CONTROLLER_REGISTER_BROKER, ControllerRequestCode.CONTROLLER_GET_REPLICA_INFO,
        ControllerRequestCode.CONTROLLER_GET_METADATA_INFO, ControllerRequestCode.CONTROLLER_GET_NEXT_BROKER_ID,
        ControllerRequestCode.CONTROLLER_APPLY_BROKER_ID);

    private final ReplicasManager manager;
    private final EventLog log;

    public ControllerRequestProcessor(ReplicasManager manager) {
        this.manager = manager;
        this.log = manager.eventLog();
    }

    @Override
    public RemotingCommand processRequest(RemotingChannel channel, RemotingCommand request) {
        try {
            return handle(channel, request);
        } catch (RemotingCommandException | IllegalArgumentException | JSONException e) {
            String why = e.getMessage() == null ? "malformed request" : e.getMessage();
            LOG.warn("bad controller request code={} from {}: {}", request.getCode(),
                channel == null ? "?" : channel.remoteAddress(), why);
            return request.response(org.mercurymq.remoting.protocol.controller.ControllerResponseCode
                .CONTROLLER_INVALID_REQUEST.code(), why);
        }
    }

    private RemotingCommand handle(RemotingChannel channel, RemotingCommand request) throws RemotingCommandException {
        switch (request.getCode()) {
            case ControllerRequestCode.BROKER_HEARTBEAT: {
                BrokerHeartbeatRequestHeader h = request.decodeCommandCustomHeader(BrokerHeartbeatRequestHeader.class);
                if (h.getBrokerId() == null) {
                    throw new IllegalArgumentException("heartbeat without brokerId");
                }
                manager.heartbeat(h.getClusterName(), h.getBrokerName(), h.getBrokerId(), h.getBrokerAddr(),
                    orDefault(h.getHeartbeatTimeoutMills(), DEFAULT_HEARTBEAT_TIMEOUT), orDefault(h.getEpoch(), 0),
                    orDefault(h.getMaxOffset(), 0L), orDefault(h.getConfirmOffset(), 0L),
                    orDefault(h.getElectionPriority(), Integer.MAX_VALUE), channel == null ? null : channel.remoteAddress());
                return request.response(ResponseCode.SUCCESS.code(), null);
            }
            case ControllerRequestCode.CONTROLLER_ALTER_SYNC_STATE_SET: {
                AlterSyncStateSetRequestHeader h = request.decodeCommandCustomHeader(AlterSyncStateSetRequestHeader.class);
                return toCommand(request, manager.alterSyncStateSet(h.getBrokerName(), h.getMasterBrokerId(),
                    h.getMasterEpoch(), SyncStateSetBody.decode(request.getBody())));
            }
            case ControllerRequestCode.CONTROLLER_ELECT_MASTER: {
                ElectMasterRequestHeader h = request.decodeCommandCustomHeader(ElectMasterRequestHeader.class);
                return toCommand(request, manager.electMaster(h.getBrokerName(),
                    orDefault(h.getBrokerId(), ReplicasManager.CONTROLLER_TRIGGER), orDefault(h.getDesignateElect(), false)));
            }
            case ControllerRequestCode.CONTROLLER_REGISTER_BROKER: {
                RegisterBrokerToControllerRequestHeader h =
                    request.decodeCommandCustomHeader(RegisterBrokerToControllerRequestHeader.class);
                return toCommand(request, manager.registerBroker(h.getClusterName(), h.getBrokerName(), h.getBrokerId(),
                    h.getBrokerAddress()));
            }
            case ControllerRequestCode.CONTROLLER_GET_REPLICA_INFO: {
                GetReplicaInfoRequestHeader h = request.decodeCommandCustomHeader(GetReplicaInfoRequestHeader.class);
                return toCommand(request, manager.replicaInfo(h.getBrokerName()));
            }
            case ControllerRequestCode.CONTROLLER_GET_METADATA_INFO: {
                GetMetaDataResponseHeader h = new GetMetaDataResponseHeader();
                h.setGroup(log.selfId());
                h.setControllerLeaderId(log.leaderId());
                h.setIsLeader(log.isLeader());
                h.setPeers(log.peers());
                return toCommand(request, ControllerReply.ok(h, null));
            }
            case ControllerRequestCode.CONTROLLER_GET_NEXT_BROKER_ID: {
                GetNextBrokerIdRequestHeader h = request.decodeCommandCustomHeader(GetNextBrokerIdRequestHeader.class);
                return toCommand(request, manager.nextBrokerId(h.getClusterName(), h.getBrokerName()));
            }
            case ControllerRequestCode.CONTROLLER_APPLY_BROKER_ID: {
                ApplyBrokerIdRequestHeader h = request.decodeCommandCustomHeader(ApplyBrokerIdRequestHeader.class);
                return toCommand(request, manager.applyBrokerId(h.getClusterName(), h.getBrokerName(),
                    h.getAppliedBrokerId(), h.getRegisterCheckCode()));
            }
            default:
                return request.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(),
                    "request type " + request.getCode() + " not supported");
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static RemotingCommand toCommand(RemotingCommand request, ControllerReply reply) {
        RemotingCommand response = request.response(reply.code(), reply.remark());
        if (reply.header() != null) {
            response.writeCustomHeader(reply.header());
        }
        response.setBody(reply.body());
        return response;
    }
}
