package org.mercurymq.test.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.config.Config;
import org.mercurymq.namesrv.NamesrvConfig;
import org.mercurymq.namesrv.NamesrvController;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.RegisterBrokerBody;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;

/**
 * REGISTER_BROKER with garbage names, ids, addresses or topic entries is refused over the wire with a remark
 * saying what is wrong, and the name server keeps nothing of it; a sane registration still works
 * (docs/broker.md, "Input validation").
 */
class InvalidRegistrationTest {
    @TempDir
    Path dir;

    private NamesrvController namesrv;
    private NettyRemotingClient client;
    private String addr;

    @BeforeEach
    void start() throws Exception {
        Config cfg = NamesrvConfig.TABLE.defaults()
            .with(NamesrvConfig.LISTEN_PORT, 0)
            .with(NamesrvConfig.BIND_ADDRESS, "127.0.0.1")
            .with(NamesrvConfig.KV_CONFIG_PATH, dir.resolve("kvConfig.json").toString())
            .with(NamesrvConfig.CONFIG_STORE_PATH, dir.resolve("namesrv.properties").toString())
            .with(NettyServerConfig.SERVER_WORKER_THREADS, 2)
            .with(NettyServerConfig.SERVER_SELECTOR_THREADS, 1);
        namesrv = new NamesrvController(new NamesrvConfig(cfg), System::currentTimeMillis);
        namesrv.start();
        addr = "127.0.0.1:" + namesrv.listenPort();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
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

    private RemotingCommand register(String cluster, String brokerName, String brokerAddr, long brokerId,
                                     Map<String, TopicConfig> topics) throws Exception {
        RegisterBrokerBody body = new RegisterBrokerBody(new TopicConfigSerializeWrapper(topics, new DataVersion(1, 1)),
            List.of());
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER,
            new RegisterBrokerRequestHeader(brokerName, brokerAddr, cluster, "127.0.0.1:10912", brokerId, false, 0));
        req.setBody(body.encode(false));
        return client.invokeSync(addr, req, 3000);
    }

    private void assertRefused(RemotingCommand r, String remarkPart) {
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), r.getCode(), "code; remark " + r.getRemark());
        assertTrue(r.getRemark() != null && r.getRemark().contains(remarkPart), "remark: " + r.getRemark());
        assertTrue(namesrv.routes().getAllClusterInfo().getBrokerAddrTable().isEmpty(), "nothing kept");
        assertTrue(namesrv.routes().getAllClusterInfo().getClusterAddrTable().isEmpty(), "no cluster kept");
    }

    @Test
    void garbageRegistrationsAreRefusedAndNothingIsKept() throws Exception {
        Map<String, TopicConfig> ok = Map.of("T1", new TopicConfig("T1", 4, 4, 6));
        assertRefused(register("C", "broker a\nforged", "127.0.0.1:10911", 0, ok), "brokerName");
        assertRefused(register("C/../x", "broker-a", "127.0.0.1:10911", 0, ok), "clusterName");
        assertRefused(register("C", "broker-a", "127.0.0.1:10911", -1, ok), "brokerId must be >= 0");
        assertRefused(register("C", "broker-a", "garbage", 0, ok), "brokerAddr [garbage]");
        assertRefused(register("C", "broker-a", "127.0.0.1:0", 0, ok), "port in 1..65535");
        assertRefused(register("C", "broker-a", "127.0.0.1:70000", 0, ok), "port in 1..65535");
        assertRefused(register("C", "broker-a", ":10911", 0, ok), "brokerAddr");
        assertRefused(register("C", "broker-a", "127.0.0.1:10911", 0,
            Map.of("T1", new TopicConfig("T1", 4, -1, 6))), "writeQueueNums -1");
        assertRefused(register("C", "broker-a", "127.0.0.1:10911", 0,
            Map.of("T1", new TopicConfig("T1", 4, 4, 99))), "perm 99");
        assertRefused(register("C", "broker-a", "127.0.0.1:10911", 0,
            Map.of("T1", new TopicConfig("T2", 4, 4, 6))), "does not carry its own topicName");
        assertRefused(register("C", "broker-a", "127.0.0.1:10911", 0,
            Map.of("bad topic", new TopicConfig("bad topic", 4, 4, 6))), "topic name [bad topic]");

        RemotingCommand good = register("C", "broker-a.host", "127.0.0.1:10911", 0, ok);
        assertEquals(ResponseCode.SUCCESS.code(), good.getCode(), good.getRemark());
        assertEquals(Map.of(0L, "127.0.0.1:10911"),
            namesrv.routes().getAllClusterInfo().getBrokerAddrTable().get("broker-a.host").getBrokerAddrs());
    }
}
