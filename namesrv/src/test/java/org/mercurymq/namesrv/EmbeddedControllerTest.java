package org.mercurymq.namesrv;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.config.Config;
import org.mercurymq.controller.ControllerConfig;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.controller.ControllerRequestCode;
import org.mercurymq.remoting.protocol.header.controller.ApplyBrokerIdRequestHeader;

/**
 * enableControllerInNamesrv=true: a (single-peer) controller answers the controller codes on the name server's
 * port, next to the name server's own codes; off (the default), those codes are not served.
 */
class EmbeddedControllerTest {
    @TempDir
    Path dir;
    private NamesrvController namesrv;
    private NettyRemotingClient client;

    private String start(boolean embedded) throws Exception {
        int raftPort;
        try (ServerSocket s = new ServerSocket(0)) {
            raftPort = s.getLocalPort();
        }
        Config cfg = NamesrvConfig.TABLE.defaults()
            .with(NamesrvConfig.LISTEN_PORT, 0)
            .with(NamesrvConfig.BIND_ADDRESS, "127.0.0.1")
            .with(NamesrvConfig.KV_CONFIG_PATH, dir.resolve("kvConfig.json").toString())
            .with(NamesrvConfig.CONFIG_STORE_PATH, dir.resolve("namesrv.properties").toString())
            .with(NamesrvConfig.ENABLE_CONTROLLER_IN_NAMESRV, embedded)
            .with(ControllerConfig.RATIS_PEERS, "n0-127.0.0.1:" + raftPort)
            .with(ControllerConfig.STORE_PATH, dir.resolve("ratis").toString())
            .with(NettyServerConfig.SERVER_WORKER_THREADS, 2)
            .with(NettyServerConfig.SERVER_SELECTOR_THREADS, 1);
        namesrv = new NamesrvController(new NamesrvConfig(cfg));
        namesrv.start();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
        return "127.0.0.1:" + namesrv.listenPort();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (namesrv != null) {
            namesrv.shutdown();
        }
    }

    private RemotingCommand applyId(String addr) throws Exception {
        ApplyBrokerIdRequestHeader h = new ApplyBrokerIdRequestHeader();
        h.setClusterName("DefaultCluster");
        h.setBrokerName("broker-a");
        h.setAppliedBrokerId(1L);
        h.setRegisterCheckCode("127.0.0.1:10911;1");
        return client.invokeSync(addr, RemotingCommand.createRequestCommand(ControllerRequestCode.CONTROLLER_APPLY_BROKER_ID,
            h), 10_000);
    }

    @Test
    void controllerCodesAreServedOnTheNameServerPort() throws Exception {
        String addr = start(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            RemotingCommand r = client.invokeSync(addr,
                RemotingCommand.createRequestCommand(ControllerRequestCode.CONTROLLER_GET_METADATA_INFO, null), 5000);
            return "true".equals(r.getExtFields().get("isLeader"));
        });
        RemotingCommand applied = applyId(addr);
        assertEquals(0, applied.getCode(), applied.getRemark());
        RemotingCommand clusterInfo = client.invokeSync(addr,
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null), 5000);
        assertEquals(ResponseCode.SUCCESS.code(), clusterInfo.getCode(), "the name server still answers its own codes");
    }

    @Test
    void withoutTheFlagTheCodesAreNotServed() throws Exception {
        String addr = start(false);
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), applyId(addr).getCode());
    }
}
