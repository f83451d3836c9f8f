package org.mercurymq.broker.processor;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerConfigHolder;
import org.mercurymq.broker.BrokerConfigKeys;
import org.mercurymq.broker.acl.InnerCredentials;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.KVTable;
import org.mercurymq.remoting.protocol.header.GetBrokerConfigResponseHeader;
import org.mercurymq.remoting.tls.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Broker-wide administration: UPDATE_BROKER_CONFIG (25; Java properties text, validated, saved to the config file, run-time keys applied at
 * once, the remark naming what was applied and what waits for a restart; docs/broker.md),
 * GET_BROKER_CONFIG (26; every key as properties text plus the config data version) and
 * GET_BROKER_RUNTIME_INFO (28; KVTable of docs/protocol/behaviour.md §13). Thread-safe.
 */
public final class BrokerAdminProcessor extends CodeDispatchingProcessor {
    private static final String SECRET_MASK = "******";
    private static final Logger LOG = LoggerFactory.getLogger(BrokerAdminProcessor.class);

    private final BrokerConfigHolder config;
    private final Supplier<Map<String, String>> runtimeInfo;
    private final TlsSettings tls;

    /** @param tls this process's TLS settings: GET_BROKER_CONFIG shows the effective {@code useTLS} they imply */
    public BrokerAdminProcessor(BrokerConfigHolder config, Supplier<Map<String, String>> runtimeInfo, TlsSettings tls) {
        this.config = config;
        this.runtimeInfo = runtimeInfo;
        this.tls = tls;
        on(RequestCode.UPDATE_BROKER_CONFIG, this::updateConfig);
        on(RequestCode.GET_BROKER_CONFIG, this::getConfig);
        on(RequestCode.GET_BROKER_RUNTIME_INFO, (ch, req) ->
            TopicAdminProcessor.withBody(req, new KVTable(runtimeInfo.get()).encode()));
    }

    private RemotingCommand updateConfig(RemotingChannel channel, RemotingCommand request) throws Exception {
        if (request.getBody() == null) {
            return error(request, ResponseCode.SYSTEM_ERROR, "no config in the request body");
        }
        Properties props = new Properties();
        props.load(new StringReader(new String(request.getBody(), StandardCharsets.UTF_8)));
        Map<String, String> raw = new LinkedHashMap<>();
        for (String name : props.stringPropertyNames()) {
            raw.put(name, props.getProperty(name));
        }
        List<String> warnings = new ArrayList<>();
        BrokerConfigHolder.Result result;
        try {
            InnerCredentials.parse(raw.get(BrokerConfigKeys.INNER_CLIENT_CREDENTIALS.name()));
        } catch (IllegalArgumentException e) {
            return error(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        try {
            result = config.update(raw, warnings::add);
        } catch (ConfigException e) {
            LOG.warn("broker config update by {} refused: {}", channel.remoteAddress(), LogEscape.of(e.getMessage()));
            return error(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        } catch (IOException e) {
            LOG.error("broker config update by {} failed, nothing changed: cannot write {}: {}", channel.remoteAddress(),
                config.configFile(), e.toString());
            return error(request, ResponseCode.SYSTEM_ERROR, "cannot save the config to " + config.configFile() + ": "
                + e.getMessage() + "; nothing was changed");
        }
        String remark = result.describe(config.configFile());
        if (!warnings.isEmpty()) {
            remark = remark + (remark.isEmpty() ? "" : "; ") + String.join("; ", warnings);
        }
        Map<String, String> shown = new LinkedHashMap<>(raw);
        shown.computeIfPresent(BrokerConfigKeys.INNER_CLIENT_CREDENTIALS.name(), (k, v) -> SECRET_MASK);
        LOG.info("broker config updated by {}: {} ({})", channel.remoteAddress(), LogEscape.of(shown), LogEscape.of(remark));
        RemotingCommand response = success(request);
        response.setRemark(remark.isEmpty() ? null : remark);
        return response;
    }

    private RemotingCommand getConfig(RemotingChannel channel, RemotingCommand request) {
        GetBrokerConfigResponseHeader h = new GetBrokerConfigResponseHeader();
        h.setVersion(config.dataVersion().toJson());
        RemotingCommand response = success(request, h);
        BrokerConfig current = config.get();
        // as RocketMQ's broker, useTLS is what the broker's own client uses: the key, else derived from tls.*
        String text = withValue(current.config().toPropertiesText(), NettyClientConfig.USE_TLS.name(),
            String.valueOf(current.clientConfig(tls).isUseTLS()));
        response.setBody(maskSecret(text).getBytes(StandardCharsets.UTF_8));
        return response;
    }

    /** {@code propertiesText} with the line of {@code key} showing {@code value}. */
    static String withValue(String propertiesText, String key, String value) {
        return replaceValue(propertiesText, key, old -> value);
    }

    /** The inner credentials never leave the broker (docs/security.md): their value is shown masked. */
    static String maskSecret(String propertiesText) {
        return replaceValue(propertiesText, BrokerConfigKeys.INNER_CLIENT_CREDENTIALS.name(),
            old -> old.isEmpty() ? old : SECRET_MASK);
    }

    private static String replaceValue(String propertiesText, String key, UnaryOperator<String> value) {
        String prefix = key + "=";
        StringBuilder sb = new StringBuilder();
        for (String line : propertiesText.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(line.startsWith(prefix) ? prefix + value.apply(line.substring(prefix.length())) : line);
        }
        return sb.toString();
    }
}
