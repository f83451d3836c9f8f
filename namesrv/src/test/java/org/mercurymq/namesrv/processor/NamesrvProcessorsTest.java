package org.mercurymq.namesrv.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicSysFlag;
import org.mercurymq.namesrv.FakeChannel;
import org.mercurymq.namesrv.NamesrvConfig;
import org.mercurymq.namesrv.kvconfig.KVConfigManager;
import org.mercurymq.namesrv.routeinfo.RouteInfoManager;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.body.KVTable;
import org.mercurymq.remoting.protocol.body.RegisterBrokerBody;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.body.TopicList;
import org.mercurymq.remoting.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetKVConfigRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetTopicsByClusterRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.QueryDataVersionRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

class NamesrvProcessorsTest {
    private static final String ADDR = "127.0.0.1:10911";

    @TempDir
    Path dir;

    private final AtomicBoolean orderMessageEnable = new AtomicBoolean();
    private RouteInfoManager routes;
    private KVConfigManager kv;
    private NamesrvConfig config;
    private BrokerRegistrationProcessor registration;
    private RouteQueryProcessor queries;
    private NamesrvAdminProcessor admin;
    private final FakeChannel brokerChannel = new FakeChannel(ADDR);

    @BeforeEach
    void setUp() {
        routes = new RouteInfoManager(System::currentTimeMillis);
        kv = new KVConfigManager(dir.resolve("kvConfig.json"));
        config = new NamesrvConfig(NamesrvConfig.TABLE.defaults()
            .with(NamesrvConfig.KV_CONFIG_PATH, dir.resolve("kvConfig.json").toString())
            .with(NamesrvConfig.CONFIG_STORE_PATH, dir.resolve("namesrv.properties").toString()));
        registration = new BrokerRegistrationProcessor(routes, kv);
        queries = new RouteQueryProcessor(routes, kv, orderMessageEnable::get);
        admin = new NamesrvAdminProcessor(routes, kv, config);
    }

    private static RemotingCommand request(int code, CommandCustomHeader header, byte[] body) {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(code, header);
        cmd.makeCustomHeaderToNet();
        cmd.setBody(body);
        return cmd;
    }

    private RemotingCommand call(RequestProcessor p, RemotingCommand request) throws Exception {
        RemotingCommand response = p.processRequest(brokerChannel, request);
        assertTrue(response.isResponseType());
        assertEquals(request.getOpaque(), response.getOpaque());
        response.makeCustomHeaderToNet();
        return response;
    }

    private static RegisterBrokerBody body(long counter, TopicConfig... topics) {
        Map<String, TopicConfig> m = new java.util.TreeMap<>();
        for (TopicConfig t : topics) {
            m.put(t.getTopicName(), t);
        }
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(m, new DataVersion(7, counter)), List.of());
    }

    private RemotingCommand register(String name, String addr, long id, RegisterBrokerBody body, boolean compressed)
        throws Exception {
        byte[] bytes = body.encode(compressed);
        RegisterBrokerRequestHeader h = new RegisterBrokerRequestHeader(name, addr, "DefaultCluster",
            addr.replace("10911", "10912"), id, compressed, BrokerRegistrationProcessor.crc32(bytes));
        return call(registration, request(RequestCode.REGISTER_BROKER, h, bytes));
    }

    @Test
    void registerJsonBodyThenRouteForNewAndOldClients() throws Exception {
        RemotingCommand r = register("broker-a", ADDR, 0, body(1, new TopicConfig("T1", 4, 4, 6)), false);
        assertEquals(ResponseCode.SUCCESS.code(), r.getCode());
        assertNull(r.getBody(), "no ORDER_TOPIC_CONFIG namespace yet");

        RemotingCommand route = call(queries, request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("T1", null), null));
        assertEquals(0, route.getCode());
        String json = new String(route.getBody(), StandardCharsets.UTF_8);
        assertEquals("{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"127.0.0.1:10911\"},\"brokerName\":\"broker-a\","
            + "\"cluster\":\"DefaultCluster\"}],\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\","
            + "\"perm\":6,\"readQueueNums\":4,\"topicSysFlag\":0,\"writeQueueNums\":4}]}", json);

        RemotingCommand old = request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("T1", null), null);
        old.setVersion(399);
        assertTrue(new String(call(queries, old).getBody(), StandardCharsets.UTF_8).contains("{0:\"127.0.0.1:10911\"}"));
        RemotingCommand oldButStandard = request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("T1", true), null);
        oldButStandard.setVersion(399);
        assertTrue(new String(call(queries, oldButStandard).getBody(), StandardCharsets.UTF_8).contains("{\"0\":"));
    }

    @Test
    void registerCompressedBody() throws Exception {
        register("broker-a", ADDR, 0, body(1, new TopicConfig("T1", 3, 3, 6), new TopicConfig("T2")), true);
        TopicRouteData route = routes.pickupTopicRouteData("T1");
        assertEquals(3, route.getQueueDatas().get(0).getReadQueueNums());
        assertEquals(Set.of("T1", "T2"), routes.getAllTopicList().getTopicList());
    }

    @Test
    void registerWithBadCrcIsRefusedAndChangesNothing() throws Exception {
        byte[] bytes = body(1, new TopicConfig("T1")).encode(false);
        RegisterBrokerRequestHeader h = new RegisterBrokerRequestHeader("broker-a", ADDR, "DefaultCluster", "127.0.0.1:10912", 0L, false,
            BrokerRegistrationProcessor.crc32(bytes) ^ 1);
        RemotingCommand r = call(registration, request(RequestCode.REGISTER_BROKER, h, bytes));
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), r.getCode());
        assertEquals("crc32 not match", r.getRemark());
        assertNull(routes.pickupTopicRouteData("T1"));
    }

    @Test
    void registerWithMissingHeaderFieldOrGarbageBodyIsAClearError() throws Exception {
        RemotingCommand missing = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, null);
        missing.addExtField("brokerName", "broker-a");
        RemotingCommand r = call(registration, missing);
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), r.getCode());
        assertTrue(r.getRemark().contains("brokerAddr"), r.getRemark());

        RegisterBrokerRequestHeader h = new RegisterBrokerRequestHeader("broker-a", ADDR, "DefaultCluster", "127.0.0.1:10912", 0L, true, 0);
        RemotingCommand garbage = call(registration, request(RequestCode.REGISTER_BROKER, h, "garbage".getBytes()));
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), garbage.getCode());
        assertTrue(garbage.getRemark().contains("zlib"), garbage.getRemark());
        assertTrue(routes.getAllClusterInfo().getBrokerAddrTable().isEmpty());
    }

    @Test
    void oldBrokerSendsBareTopicWrapper() throws Exception {
        TopicConfigSerializeWrapper wrapper = body(1, new TopicConfig("Legacy")).getTopicConfigSerializeWrapper();
        RegisterBrokerRequestHeader h = new RegisterBrokerRequestHeader("broker-a", ADDR, "DefaultCluster", "127.0.0.1:10912", 0L, false, 0);
        RemotingCommand req = request(RequestCode.REGISTER_BROKER, h, wrapper.encode());
        req.setVersion(36);
        assertEquals(0, call(registration, req).getCode());
        assertEquals(Set.of("Legacy"), routes.getAllTopicList().getTopicList());
    }

    @Test
    void slaveRegistrationReplyAndOrderTopicConfBody() throws Exception {
        kv.putKVConfig("ORDER_TOPIC_CONFIG", "T1", "broker-a:4");
        register("broker-a", ADDR, 0, body(1), false);
        RemotingCommand r = register("broker-a", "127.0.0.2:10911", 1, body(1), false);
        assertEquals(ADDR, r.getExtFields().get("masterAddr"));
        assertEquals("127.0.0.1:10912", r.getExtFields().get("haServerAddr"));
        assertEquals(Map.of("T1", "broker-a:4"), RemotingSerializable.decode(r.getBody(), KVTable.class).getTable());
    }

    @Test
    void orderTopicConfInRouteOnlyWhenEnabled() throws Exception {
        register("broker-a", ADDR, 0, body(1, new TopicConfig("T1")), false);
        kv.putKVConfig("ORDER_TOPIC_CONFIG", "T1", "broker-a:4");
        RemotingCommand req = request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("T1", null), null);
        assertNull(RemotingSerializable.decode(call(queries, req).getBody(), TopicRouteData.class).getOrderTopicConf());
        orderMessageEnable.set(true);
        assertEquals("broker-a:4",
            RemotingSerializable.decode(call(queries, req).getBody(), TopicRouteData.class).getOrderTopicConf());
    }

    @Test
    void unknownTopicAndMissingTopicHeader() throws Exception {
        RemotingCommand r = call(queries, request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("nope", null), null));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST.code(), r.getCode());
        assertEquals("No topic route info in name server for the topic: nope", r.getRemark());
        RemotingCommand noTopic = call(queries, RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, null));
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), noTopic.getCode());
        assertTrue(noTopic.getRemark().contains("topic"), noTopic.getRemark());
    }

    @Test
    void clusterInfoAndTopicLists() throws Exception {
        register("broker-a", ADDR, 0, body(1, new TopicConfig("T1"),
            new TopicConfig("U").withTopicSysFlag(TopicSysFlag.FLAG_UNIT)), false);
        RemotingCommand info = call(queries, request(RequestCode.GET_BROKER_CLUSTER_INFO, null, null));
        assertEquals("{\"brokerAddrTable\":{\"broker-a\":{\"brokerAddrs\":{0:\"127.0.0.1:10911\"},\"brokerName\":\"broker-a\","
            + "\"cluster\":\"DefaultCluster\"}},\"clusterAddrTable\":{\"DefaultCluster\":[\"broker-a\"]}}",
            new String(info.getBody(), StandardCharsets.UTF_8));
        assertEquals(Set.of("broker-a"),
            RemotingSerializable.decode(info.getBody(), ClusterInfo.class).getClusterAddrTable().get("DefaultCluster"));

        assertEquals(Set.of("T1", "U"), topics(call(queries, request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null, null))));
        assertEquals(Set.of("T1", "U"), topics(call(queries,
            request(RequestCode.GET_TOPICS_BY_CLUSTER, new GetTopicsByClusterRequestHeader("DefaultCluster"), null))));
        RemotingCommand sys = call(queries, request(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS, null, null));
        assertEquals(Set.of("DefaultCluster", "broker-a"), topics(sys));
        assertEquals(ADDR, RemotingSerializable.decode(sys.getBody(), TopicList.class).getBrokerAddr());
        assertEquals(Set.of("U"), topics(call(queries, request(RequestCode.GET_UNIT_TOPIC_LIST, null, null))));
        assertEquals(Set.of(), topics(call(queries, request(RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST, null, null))));
        assertEquals(Set.of(), topics(call(queries, request(RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST, null, null))));
    }

    private static Set<String> topics(RemotingCommand response) {
        assertEquals(0, response.getCode());
        return RemotingSerializable.decode(response.getBody(), TopicList.class).getTopicList();
    }

    @Test
    void unregisterAndQueryDataVersion() throws Exception {
        register("broker-a", ADDR, 0, body(5, new TopicConfig("T1")), false);
        QueryDataVersionRequestHeader q = new QueryDataVersionRequestHeader("broker-a", ADDR, "DefaultCluster", 0L);
        RemotingCommand same = call(registration, request(RequestCode.QUERY_DATA_VERSION, q,
            RemotingSerializable.encode(new DataVersion(7, 5))));
        assertEquals("false", same.getExtFields().get("changed"));
        assertEquals(new DataVersion(7, 5), RemotingSerializable.decode(same.getBody(), DataVersion.class));
        RemotingCommand newer = call(registration, request(RequestCode.QUERY_DATA_VERSION, q,
            RemotingSerializable.encode(new DataVersion(7, 6))));
        assertEquals("true", newer.getExtFields().get("changed"));
        RemotingCommand noBody = call(registration, request(RequestCode.QUERY_DATA_VERSION, q, null));
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), noBody.getCode());

        RemotingCommand un = call(registration, request(RequestCode.UNREGISTER_BROKER,
            new UnRegisterBrokerRequestHeader("broker-a", ADDR, "DefaultCluster", 0L), null));
        assertEquals(0, un.getCode());
        assertNull(routes.pickupTopicRouteData("T1"));
    }

    @Test
    void writePermAndDeleteTopic() throws Exception {
        register("broker-a", ADDR, 0, body(1, new TopicConfig("T1"), new TopicConfig("T2")), false);
        RemotingCommand wipe = call(admin, request(RequestCode.WIPE_WRITE_PERM_OF_BROKER,
            new WipeWritePermOfBrokerRequestHeader("broker-a"), null));
        assertEquals("2", wipe.getExtFields().get("wipeTopicCount"));
        assertEquals(4, routes.pickupTopicRouteData("T1").getQueueDatas().get(0).getPerm());
        RemotingCommand add = call(admin, request(RequestCode.ADD_WRITE_PERM_OF_BROKER,
            new AddWritePermOfBrokerRequestHeader("broker-a"), null));
        assertEquals("2", add.getExtFields().get("addTopicCount"));
        assertEquals(6, routes.pickupTopicRouteData("T1").getQueueDatas().get(0).getPerm());
        assertEquals(0, call(admin, request(RequestCode.DELETE_TOPIC_IN_NAMESRV,
            new DeleteTopicFromNamesrvRequestHeader("T1", null), null)).getCode());
        assertNull(routes.pickupTopicRouteData("T1"));
        RemotingCommand bad = call(admin, request(RequestCode.WIPE_WRITE_PERM_OF_BROKER, null, null));
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), bad.getCode());
        assertTrue(bad.getRemark().contains("brokerName"), bad.getRemark());
    }

    @Test
    void kvConfigCodes() throws Exception {
        assertEquals(0, call(admin, request(RequestCode.PUT_KV_CONFIG, new PutKVConfigRequestHeader("ns", "k", "v"), null)).getCode());
        RemotingCommand get = call(admin, request(RequestCode.GET_KV_CONFIG, new GetKVConfigRequestHeader("ns", "k"), null));
        assertEquals("v", get.getExtFields().get("value"));
        RemotingCommand list = call(admin, request(RequestCode.GET_KVLIST_BY_NAMESPACE, new GetKVListByNamespaceRequestHeader("ns"), null));
        assertEquals(Map.of("k", "v"), RemotingSerializable.decode(list.getBody(), KVTable.class).getTable());
        assertEquals(0, call(admin, request(RequestCode.DELETE_KV_CONFIG, new DeleteKVConfigRequestHeader("ns", "k"), null)).getCode());
        RemotingCommand gone = call(admin, request(RequestCode.GET_KV_CONFIG, new GetKVConfigRequestHeader("ns", "k"), null));
        assertEquals(ResponseCode.QUERY_NOT_FOUND.code(), gone.getCode());
        assertEquals(ResponseCode.QUERY_NOT_FOUND.code(), call(admin, request(RequestCode.GET_KVLIST_BY_NAMESPACE,
            new GetKVListByNamespaceRequestHeader("ns"), null)).getCode());
        RemotingCommand missingValue = RemotingCommand.createRequestCommand(RequestCode.PUT_KV_CONFIG, null);
        missingValue.addExtField("namespace", "ns");
        missingValue.addExtField("key", "k");
        RemotingCommand r = call(admin, missingValue);
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), r.getCode());
        assertTrue(r.getRemark().contains("value"), r.getRemark());
    }

    @Test
    void namesrvConfigCodes() throws Exception {
        RemotingCommand update = call(admin, request(RequestCode.UPDATE_NAMESRV_CONFIG, null,
            "orderMessageEnable=true\nbogusKey=1\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, update.getCode());
        assertTrue(update.getRemark().contains("bogusKey"), update.getRemark());
        assertTrue(config.get(NamesrvConfig.ORDER_MESSAGE_ENABLE));
        assertTrue(Files.readString(dir.resolve("namesrv.properties")).contains("orderMessageEnable=true"));

        RemotingCommand path = call(admin, request(RequestCode.UPDATE_NAMESRV_CONFIG, null,
            "kvConfigPath=/tmp/x\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ResponseCode.NO_PERMISSION.code(), path.getCode());

        RemotingCommand invalid = call(admin, request(RequestCode.UPDATE_NAMESRV_CONFIG, null,
            "clusterTest=maybe\norderMessageEnable=false\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), invalid.getCode());
        assertTrue(invalid.getRemark().contains("clusterTest"), invalid.getRemark());
        assertTrue(config.get(NamesrvConfig.ORDER_MESSAGE_ENABLE), "a rejected update changes nothing");

        String text = new String(call(admin, request(RequestCode.GET_NAMESRV_CONFIG, null, null)).getBody(), StandardCharsets.UTF_8);
        assertTrue(text.contains("orderMessageEnable=true\n"), text);
        assertTrue(text.contains("listenPort=9876\n"), text);
        assertTrue(text.contains("serverWorkerThreads=8\n"), text);
    }

    @Test
    void unknownCodesAreAnsweredNotSupported() throws Exception {
        RemotingCommand r = call(new UnsupportedRequestProcessor(), request(12345, null, null));
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), r.getCode());
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), call(queries, request(RequestCode.SEND_MESSAGE, null, null)).getCode());
    }

    @Test
    void everyNameServerCodeHasExactlyOneProcessor() throws IOException {
        Set<Integer> all = new java.util.TreeSet<>();
        for (CodeDispatchingProcessor p : List.of(registration, queries, admin)) {
            for (int code : p.codes()) {
                assertTrue(all.add(code), "code " + code + " served twice");
            }
        }
        assertEquals(Set.of(100, 101, 102, 103, 104, 105, 106, 205, 206, 216, 219, 224, 304, 311, 312, 313, 318, 319, 322, 327), all);
    }
}
