package org.mercurymq.broker.controller;

import java.util.List;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.RemotingClient;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.controller.ControllerRequestCode;
import org.mercurymq.remoting.protocol.controller.ControllerResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to the controller group named by {@code controllerAddr}: writes and replica-info reads go to the leader,
 * found by asking each controller (code 1005) and found again when a controller answers CONTROLLER_NOT_LEADER or
 * cannot be reached; heartbeats go to every controller. Thread-safe.
 */
public final class ControllerChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerChannel.class);

    private final RemotingClient client;
    private final List<String> controllers;
    private final long timeoutMillis;
    private volatile String leader;

    public ControllerChannel(RemotingClient client, List<String> controllers, long timeoutMillis) {
        if (controllers.isEmpty()) {
            throw new IllegalArgumentException("controllerAddr is empty");
        }
        this.client = client;
        this.controllers = List.copyOf(controllers);
        this.timeoutMillis = timeoutMillis;
    }

    /** The leader's address, asking every controller if none is known; null when no controller says it leads. */
    public String leader() {
        String l = leader;
        if (l != null) {
            return l;
        }
        for (String addr : controllers) {
            RemotingCommand r = invoke(addr, RemotingCommand.createRequestCommand(
                ControllerRequestCode.CONTROLLER_GET_METADATA_INFO, null));
            if (r != null && r.getCode() == 0 && r.getExtFields() != null
                && "true".equals(r.getExtFields().get("isLeader"))) {
                if (!addr.equals(leader)) {
                    LOG.info("controller leader is {}", addr);
                }
                leader = addr;
                return addr;
            }
        }
        return null;
    }

    /** Sends to the leader; null when no leader is reachable. A NOT_LEADER answer forgets the leader. */
    public RemotingCommand callLeader(int code, CommandCustomHeader header, byte[] body) {
        String addr = leader();
        if (addr == null) {
            return null;
        }
        RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
        request.setBody(body);
        RemotingCommand r = invoke(addr, request);
        if (r == null || r.getCode() == ControllerResponseCode.CONTROLLER_NOT_LEADER.code()) {
            leader = null;
        }
        return r;
    }

    /** Sends a heartbeat to every controller (each judges liveness itself). */
    public void heartbeatAll(CommandCustomHeader header) {
        for (String addr : controllers) {
            invoke(addr, RemotingCommand.createRequestCommand(ControllerRequestCode.BROKER_HEARTBEAT, header));
        }
    }

    private RemotingCommand invoke(String addr, RemotingCommand request) {
        try {
            return client.invokeSync(addr, request, timeoutMillis);
        } catch (RemotingException e) {
            LOG.debug("controller {} unreachable: {}", addr, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
