package org.mercurymq.namesrv.processor;

import java.util.Map;
import java.util.zip.CRC32;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.KVNamespaces;
import org.mercurymq.common.MQVersion;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.namesrv.kvconfig.KVConfigManager;
import org.mercurymq.namesrv.routeinfo.RegisterBrokerResult;
import org.mercurymq.namesrv.routeinfo.RouteInfoManager;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.KVTable;
import org.mercurymq.remoting.protocol.body.RegisterBrokerBody;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.header.namesrv.QueryDataVersionRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.QueryDataVersionResponseHeader;
import org.mercurymq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.mercurymq.remoting.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broker-facing codes: REGISTER_BROKER (103), UNREGISTER_BROKER (104), QUERY_DATA_VERSION (322).
 * Runs on the registration executor so route lookups never queue behind it. A registration with garbage names,
 * ids, addresses or topic entries is refused (SYSTEM_ERROR with the reason) and nothing of it is kept. Thread-safe.
 */
public final class BrokerRegistrationProcessor extends CodeDispatchingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRegistrationProcessor.class);
    private final RouteInfoManager routes;
    private final KVConfigManager kvConfig;

    public BrokerRegistrationProcessor(RouteInfoManager routes, KVConfigManager kvConfig) {
        this.routes = routes;
        this.kvConfig = kvConfig;
        on(RequestCode.REGISTER_BROKER, this::registerBroker);
        on(RequestCode.UNREGISTER_BROKER, this::unregisterBroker);
        on(RequestCode.QUERY_DATA_VERSION, this::queryDataVersion);
    }

    private RemotingCommand registerBroker(RemotingChannel channel, RemotingCommand request) throws Exception {
        RegisterBrokerRequestHeader header = request.decodeCommandCustomHeader(RegisterBrokerRequestHeader.class);
        byte[] body = request.getBody();
        Integer expectedCrc = header.getBodyCrc32();
        if (expectedCrc != null && expectedCrc != 0 && crc32(body) != expectedCrc) {
            return request.response(ResponseCode.SYSTEM_ERROR.code(), "crc32 not match");
        }
        TopicConfigSerializeWrapper topics;
        java.util.List<String> filterServers;
        if (request.getVersion() >= MQVersion.V3_0_11) {
            RegisterBrokerBody registerBody = RegisterBrokerBody.decode(body, header.isCompressed());
            topics = registerBody.getTopicConfigSerializeWrapper();
            filterServers = registerBody.getFilterServerList();
        } else {
            // brokers before 3.0.11 send the bare topic wrapper
            topics = body == null || body.length == 0
                ? TopicConfigSerializeWrapper.empty() : RemotingSerializable.decode(body, TopicConfigSerializeWrapper.class);
            filterServers = null;
        }
        String invalid = BrokerRegistrationValidator.validate(header, topics, filterServers);
        if (invalid != null) {
            LOG.warn("REGISTER_BROKER from {}: {}", channel.remoteAddress(), LogEscape.of(invalid));
            return request.response(ResponseCode.SYSTEM_ERROR.code(), invalid);
        }
        RegisterBrokerResult result = routes.registerBroker(header.getClusterName(), header.getBrokerAddr(),
            header.getBrokerName(), header.getBrokerId(), header.getHaServerAddr(), topics, filterServers, channel);

        RemotingCommand response = success(request);
        response.writeCustomHeader(new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()));
        Map<String, String> orderConf = kvConfig.getKVListByNamespace(KVNamespaces.ORDER_TOPIC_CONFIG);
        if (orderConf != null) {
            response.setBody(new KVTable(orderConf).encode());
        }
        return response;
    }

    /** CRC32 of the body masked to a non-negative int, as the broker computes it; 0 for no body. */
    static int crc32(byte[] body) {
        if (body == null) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    private RemotingCommand unregisterBroker(RemotingChannel channel, RemotingCommand request) throws Exception {
        UnRegisterBrokerRequestHeader h = request.decodeCommandCustomHeader(UnRegisterBrokerRequestHeader.class);
        routes.unregisterBroker(h.getClusterName(), h.getBrokerAddr(), h.getBrokerName(), h.getBrokerId());
        return success(request);
    }

    private RemotingCommand queryDataVersion(RemotingChannel channel, RemotingCommand request) throws Exception {
        QueryDataVersionRequestHeader h = request.decodeCommandCustomHeader(QueryDataVersionRequestHeader.class);
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("QUERY_DATA_VERSION needs the broker's DataVersion JSON as body");
        }
        DataVersion brokerVersion = RemotingSerializable.decode(body, DataVersion.class);
        boolean changed = routes.isBrokerTopicConfigChanged(h.getBrokerAddr(), brokerVersion);
        if (!changed) {
            routes.updateBrokerInfoUpdateTimestamp(h.getBrokerAddr());
        }
        DataVersion known = routes.queryBrokerTopicConfig(h.getBrokerAddr());
        RemotingCommand response = success(request);
        response.writeCustomHeader(new QueryDataVersionResponseHeader(changed));
        if (known != null) {
            response.setBody(RemotingSerializable.encode(known));
        }
        return response;
    }
}
