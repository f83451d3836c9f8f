package org.mercurymq.namesrv.processor;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.namesrv.AtomicFileWriter;
import org.mercurymq.namesrv.NamesrvConfig;
import org.mercurymq.namesrv.kvconfig.KVConfigManager;
import org.mercurymq.namesrv.routeinfo.RouteInfoManager;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.KVTable;
import org.mercurymq.remoting.protocol.header.namesrv.AddWritePermOfBrokerRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.AddWritePermOfBrokerResponseHeader;
import org.mercurymq.remoting.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.DeleteTopicFromNamesrvRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetKVConfigRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetKVConfigResponseHeader;
import org.mercurymq.remoting.protocol.header.namesrv.GetKVListByNamespaceRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.WipeWritePermOfBrokerRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.WipeWritePermOfBrokerResponseHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator codes: broker write permission (205, 327), topic deletion (216), KV config (100, 101, 102, 219)
 * and the name server's own config (318, 319). Thread-safe.
 */
public final class NamesrvAdminProcessor extends CodeDispatchingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(NamesrvAdminProcessor.class);

    private final RouteInfoManager routes;
    private final KVConfigManager kvConfig;
    private final NamesrvConfig config;

    public NamesrvAdminProcessor(RouteInfoManager routes, KVConfigManager kvConfig, NamesrvConfig config) {
        this.routes = routes;
        this.kvConfig = kvConfig;
        this.config = config;
        on(RequestCode.WIPE_WRITE_PERM_OF_BROKER, this::wipeWritePerm);
        on(RequestCode.ADD_WRITE_PERM_OF_BROKER, this::addWritePerm);
        on(RequestCode.DELETE_TOPIC_IN_NAMESRV, this::deleteTopic);
        on(RequestCode.PUT_KV_CONFIG, this::putKVConfig);
        on(RequestCode.GET_KV_CONFIG, this::getKVConfig);
        on(RequestCode.DELETE_KV_CONFIG, this::deleteKVConfig);
        on(RequestCode.GET_KVLIST_BY_NAMESPACE, this::getKVListByNamespace);
        on(RequestCode.UPDATE_NAMESRV_CONFIG, this::updateConfig);
        on(RequestCode.GET_NAMESRV_CONFIG, this::getConfig);
    }

    private RemotingCommand wipeWritePerm(RemotingChannel channel, RemotingCommand request) throws Exception {
        WipeWritePermOfBrokerRequestHeader h = request.decodeCommandCustomHeader(WipeWritePermOfBrokerRequestHeader.class);
        int count = routes.wipeWritePermOfBroker(h.getBrokerName());
        LOG.info("wipe write perm of broker {} requested by {}: {} topics", LogEscape.of(h.getBrokerName()),
            remote(channel), count);
        RemotingCommand response = success(request);
        response.writeCustomHeader(new WipeWritePermOfBrokerResponseHeader(count));
        return response;
    }

    private RemotingCommand addWritePerm(RemotingChannel channel, RemotingCommand request) throws Exception {
        AddWritePermOfBrokerRequestHeader h = request.decodeCommandCustomHeader(AddWritePermOfBrokerRequestHeader.class);
        int count = routes.addWritePermOfBroker(h.getBrokerName());
        LOG.info("add write perm of broker {} requested by {}: {} topics", LogEscape.of(h.getBrokerName()),
            remote(channel), count);
        RemotingCommand response = success(request);
        response.writeCustomHeader(new AddWritePermOfBrokerResponseHeader(count));
        return response;
    }

    private RemotingCommand deleteTopic(RemotingChannel channel, RemotingCommand request) throws Exception {
        DeleteTopicFromNamesrvRequestHeader h = request.decodeCommandCustomHeader(DeleteTopicFromNamesrvRequestHeader.class);
        routes.deleteTopic(h.getTopic(), h.getClusterName());
        return success(request);
    }

    private RemotingCommand putKVConfig(RemotingChannel channel, RemotingCommand request) throws Exception {
        PutKVConfigRequestHeader h = request.decodeCommandCustomHeader(PutKVConfigRequestHeader.class);
        try {
            kvConfig.putKVConfig(h.getNamespace(), h.getKey(), h.getValue());
        } catch (UncheckedIOException e) {
            return request.response(ResponseCode.SYSTEM_ERROR.code(), e.getMessage());
        }
        return success(request);
    }

    private RemotingCommand getKVConfig(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetKVConfigRequestHeader h = request.decodeCommandCustomHeader(GetKVConfigRequestHeader.class);
        String value = kvConfig.getKVConfig(h.getNamespace(), h.getKey());
        if (value == null) {
            return request.response(ResponseCode.QUERY_NOT_FOUND.code(),
                "No config item, Namespace: " + h.getNamespace() + " Key: " + h.getKey());
        }
        RemotingCommand response = success(request);
        response.writeCustomHeader(new GetKVConfigResponseHeader(value));
        return response;
    }

    private RemotingCommand deleteKVConfig(RemotingChannel channel, RemotingCommand request) throws Exception {
        DeleteKVConfigRequestHeader h = request.decodeCommandCustomHeader(DeleteKVConfigRequestHeader.class);
        try {
            kvConfig.deleteKVConfig(h.getNamespace(), h.getKey());
        } catch (UncheckedIOException e) {
            return request.response(ResponseCode.SYSTEM_ERROR.code(), e.getMessage());
        }
        return success(request);
    }

    private RemotingCommand getKVListByNamespace(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetKVListByNamespaceRequestHeader h = request.decodeCommandCustomHeader(GetKVListByNamespaceRequestHeader.class);
        Map<String, String> table = kvConfig.getKVListByNamespace(h.getNamespace());
        if (table == null) {
            return request.response(ResponseCode.QUERY_NOT_FOUND.code(), "No config item, Namespace: " + h.getNamespace());
        }
        RemotingCommand response = success(request);
        response.setBody(new KVTable(table).encode());
        return response;
    }

    private RemotingCommand updateConfig(RemotingChannel channel, RemotingCommand request) throws Exception {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            return success(request);
        }
        Properties props = new Properties();
        props.load(new StringReader(new String(body, StandardCharsets.UTF_8)));
        Map<String, String> raw = new LinkedHashMap<>();
        for (String name : props.stringPropertyNames()) {
            raw.put(name, props.getProperty(name));
        }
        if (raw.containsKey(NamesrvConfig.KV_CONFIG_PATH.name()) || raw.containsKey(NamesrvConfig.CONFIG_STORE_PATH.name())) {
            LOG.warn("config update from {} refused: it changes a file path ({})", remote(channel),
                LogEscape.of(raw.keySet()));
            return request.response(ResponseCode.NO_PERMISSION.code(), "Can not update config path");
        }
        List<String> warnings = new ArrayList<>();
        try {
            config.update(raw, warnings::add, next -> persist(next));
        } catch (ConfigException e) {
            return request.response(ResponseCode.SYSTEM_ERROR.code(), e.getMessage());
        } catch (UncheckedIOException e) {
            return request.response(ResponseCode.SYSTEM_ERROR.code(), e.getMessage());
        }
        warnings.forEach(w -> LOG.warn("config update from {}: {}", remote(channel), LogEscape.of(w)));
        List<String> remarks = new ArrayList<>(warnings);
        List<String> restart = new ArrayList<>();
        for (String name : raw.keySet()) {
            org.mercurymq.common.config.ConfigKey<?> key = NamesrvConfig.TABLE.key(name);
            if (key != null && !key.appliesAtRuntime()) {
                restart.add(name);
            }
        }
        if (!restart.isEmpty()) {
            // like RocketMQ the value is saved to configStorePath and shown by getNamesrvConfig, but the running
            // server keeps using the value it started with (docs/configuration.md)
            remarks.add(String.join(", ", restart) + " take(s) effect only after a restart with this value in the -c file");
        }
        LOG.info("config updated by {}: {}{}", remote(channel), LogEscape.of(raw),
            remarks.isEmpty() ? "" : " (" + LogEscape.of(String.join("; ", remarks)) + ")");
        return request.response(ResponseCode.SUCCESS.code(), remarks.isEmpty() ? null : String.join("; ", remarks));
    }

    private static void persist(org.mercurymq.common.config.Config next) {
        Path file = Path.of(next.get(NamesrvConfig.CONFIG_STORE_PATH));
        try {
            AtomicFileWriter.write(file, next.toPropertiesText().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist config to " + file + ": " + e.getMessage(), e);
        }
    }

    private RemotingCommand getConfig(RemotingChannel channel, RemotingCommand request) {
        RemotingCommand response = success(request);
        response.setBody(config.current().toPropertiesText().getBytes(StandardCharsets.UTF_8));
        return response;
    }

    private static String remote(RemotingChannel channel) {
        return channel == null ? "?" : channel.remoteAddress();
    }
}
