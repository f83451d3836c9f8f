package org.mercurymq.namesrv.processor;

import java.util.function.BooleanSupplier;
import org.mercurymq.common.KVNamespaces;
import org.mercurymq.common.MQVersion;
import org.mercurymq.namesrv.kvconfig.KVConfigManager;
import org.mercurymq.namesrv.routeinfo.RouteInfoManager;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.TopicList;
import org.mercurymq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetTopicsByClusterRequestHeader;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * Read-only lookups of clients and tools: routes (105), cluster info (106) and topic lists (206, 224, 304,
 * 311–313). Runs on its own executor and reads lock-free snapshots, so it never waits for registrations.
 * Thread-safe.
 */
public final class RouteQueryProcessor extends CodeDispatchingProcessor {
    private final RouteInfoManager routes;
    private final KVConfigManager kvConfig;
    private final BooleanSupplier orderMessageEnable;

    /** @param orderMessageEnable read per request, so UPDATE_NAMESRV_CONFIG takes effect at once */
    public RouteQueryProcessor(RouteInfoManager routes, KVConfigManager kvConfig, BooleanSupplier orderMessageEnable) {
        this.routes = routes;
        this.kvConfig = kvConfig;
        this.orderMessageEnable = orderMessageEnable;
        on(RequestCode.GET_ROUTEINFO_BY_TOPIC, this::getRouteInfoByTopic);
        on(RequestCode.GET_BROKER_CLUSTER_INFO, (ch, req) -> withBody(req, routes.getAllClusterInfo().encode()));
        on(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, (ch, req) -> withBody(req, routes.getAllTopicList().encode()));
        on(RequestCode.GET_TOPICS_BY_CLUSTER, this::getTopicsByCluster);
        on(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS, (ch, req) -> withBody(req, routes.getSystemTopicList().encode()));
        on(RequestCode.GET_UNIT_TOPIC_LIST, (ch, req) -> withBody(req, routes.getUnitTopics().encode()));
        on(RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST, (ch, req) -> withBody(req, routes.getHasUnitSubTopicList().encode()));
        on(RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST,
            (ch, req) -> withBody(req, routes.getHasUnitSubUnUnitTopicList().encode()));
    }

    private RemotingCommand getRouteInfoByTopic(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetRouteInfoRequestHeader header = request.decodeCommandCustomHeader(GetRouteInfoRequestHeader.class);
        TopicRouteData route = routes.pickupTopicRouteData(header.getTopic());
        if (route == null) {
            return request.response(ResponseCode.TOPIC_NOT_EXIST.code(),
                "No topic route info in name server for the topic: " + header.getTopic());
        }
        if (orderMessageEnable.getAsBoolean()) {
            route = route.withOrderTopicConf(kvConfig.getKVConfig(KVNamespaces.ORDER_TOPIC_CONFIG, header.getTopic()));
        }
        // 4.9.4+ clients get standard JSON (quoted numeric keys); older ones fastjson's default form
        boolean standardJson = request.getVersion() >= MQVersion.V4_9_4
            || Boolean.TRUE.equals(header.getAcceptStandardJsonOnly());
        return withBody(request, route.encode(standardJson));
    }

    private RemotingCommand getTopicsByCluster(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetTopicsByClusterRequestHeader header = request.decodeCommandCustomHeader(GetTopicsByClusterRequestHeader.class);
        TopicList topics = routes.getTopicsByCluster(header.getCluster());
        return withBody(request, topics.encode());
    }

    private static RemotingCommand withBody(RemotingCommand request, byte[] body) {
        RemotingCommand response = success(request);
        response.setBody(body);
        return response;
    }
}
