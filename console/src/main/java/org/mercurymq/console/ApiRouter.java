package org.mercurymq.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mercurymq.common.PermName;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API under {@code /api/}. Reads are GET; writes (topic create/update/delete, test message, resend, group
 * reset/create/update/delete) are POSTs with a JSON body, which a browser cannot send cross-site without a CORS preflight this server never
 * answers ({@link HttpIo#jsonBody}).
 */
final class ApiRouter implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final ClusterView clusters;
    private final TopicView topics;
    private final ConsumerView consumers;
    private final MessageView messages;
    private final DashboardSampler dashboard;
    private final GroupAdmin groupAdmin;
    private final ProducerView producers;
    private final MessageByTime messagesByTime;
    private final MessageResend resend;
    private final MessageSender sender;
    private final ClientRunningView clientRunning;
    private final LagSampler lagHistory;
    private final MessageTraceView traces;

    ApiRouter(ClusterView clusters, TopicView topics, ConsumerView consumers, ClientRunningView clientRunning,
              GroupAdmin groupAdmin, ProducerView producers, MessageView messages, MessageByTime messagesByTime,
              MessageTraceView traces, MessageResend resend, MessageSender sender, DashboardSampler dashboard,
              LagSampler lagHistory) {
        this.dashboard = dashboard;
        this.traces = traces;
        this.lagHistory = lagHistory;
        this.clientRunning = clientRunning;
        this.sender = sender;
        this.messagesByTime = messagesByTime;
        this.resend = resend;
        this.producers = producers;
        this.groupAdmin = groupAdmin;
        this.clusters = clusters;
        this.topics = topics;
        this.consumers = consumers;
        this.messages = messages;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        try {
            Object result = route(method, path, ex);
            HttpIo.sendJson(ex, 200, result);
        } catch (ApiException e) {
            HttpIo.sendJson(ex, e.status(), error(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpIo.sendJson(ex, 503, error("interrupted"));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // the cluster answered with an error or not at all: the console keeps serving, the page shows why
            LOG.warn("{} {} failed: {}", method, path, e.toString());
            HttpIo.sendJson(ex, 502, error(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private Object route(String method, String path, HttpExchange ex) throws Exception {
        Map<String, String> q = HttpIo.query(ex);
        boolean get = "GET".equals(method) || "HEAD".equals(method);
        switch (path) {
            case "/api/dashboard":
                requireGet(get);
                return dashboard.snapshot();
            case "/api/cluster":
                requireGet(get);
                return clusters.clusters();
            case "/api/broker/config":
                requireGet(get);
                return clusters.brokerConfig(HttpIo.required(q, "addr"));
            case "/api/topics":
                if (get) {
                    return topics.list();
                }
                if ("POST".equals(method)) {
                    return createTopic(HttpIo.jsonBody(ex));
                }
                throw new ApiException(405, "GET or POST only");
            case "/api/topic/route":
                requireGet(get);
                return topics.route(HttpIo.required(q, "topic"));
            case "/api/topic/offsets":
                requireGet(get);
                return topics.offsets(HttpIo.required(q, "topic"));
            case "/api/topic/delete":
                requirePost(method);
                return deleteTopic(HttpIo.jsonBody(ex));
            case "/api/topic/send":
                requirePost(method);
                return sendMessage(HttpIo.jsonBody(ex));
            case "/api/topic/consumers":
                requireGet(get);
                return topics.consumerGroups(HttpIo.required(q, "topic"));
            case "/api/consumers":
                if (get) {
                    return consumers.groups();
                }
                if ("POST".equals(method)) {
                    return createGroup(HttpIo.jsonBody(ex));
                }
                throw new ApiException(405, "GET or POST only");
            case "/api/consumer/client":
                requireGet(get);
                return clientRunning.runningInfo(HttpIo.required(q, "group"), HttpIo.required(q, "clientId"));
            case "/api/consumer/lag/history":
                requireGet(get);
                return lagHistory.history(HttpIo.required(q, "group"));
            case "/api/consumer/lag":
                requireGet(get);
                return consumers.lag(HttpIo.required(q, "group"));
            case "/api/consumer/resetOffset":
                requirePost(method);
                return resetOffset(HttpIo.jsonBody(ex));
            case "/api/consumer/delete":
                requirePost(method);
                return deleteGroup(HttpIo.jsonBody(ex));
            case "/api/consumer":
                requireGet(get);
                return consumers.group(HttpIo.required(q, "group"));
            case "/api/producers":
                requireGet(get);
                return producers.connections(HttpIo.required(q, "group"), HttpIo.required(q, "topic"));
            case "/api/producers/groups":
                requireGet(get);
                return producers.onlineGroups();
            case "/api/messages/byKey":
                requireGet(get);
                return messages.byKey(HttpIo.required(q, "topic"), HttpIo.required(q, "key"));
            case "/api/messages/byId":
                requireGet(get);
                return messages.byId(HttpIo.required(q, "topic"), HttpIo.required(q, "msgId"));
            case "/api/messages/trace":
                requireGet(get);
                return traces.trace(HttpIo.required(q, "msgId"), q.get("traceTopic"));
            case "/api/messages/track":
                requireGet(get);
                return messages.track(HttpIo.required(q, "topic"), HttpIo.required(q, "msgId"));
            case "/api/messages/byTime":
                requireGet(get);
                return messagesByTime.query(HttpIo.required(q, "topic"), HttpIo.longParam(q, "begin"),
                    HttpIo.longParam(q, "end"));
            case "/api/messages/resend":
                requirePost(method);
                return resend(HttpIo.jsonBody(ex));
            default:
                throw new ApiException(404, "No such API: " + path);
        }
    }

    private Object createTopic(Map<String, Object> body) throws Exception {
        String topic = HttpIo.required(body, "topic");
        String cluster = HttpIo.required(body, "cluster");
        int read = HttpIo.intParam(body, "readQueueNums", 8);
        int write = HttpIo.intParam(body, "writeQueueNums", 8);
        int perm = HttpIo.intParam(body, "perm", PermName.PERM_READ_WRITE);
        boolean order = Boolean.parseBoolean(String.valueOf(body.getOrDefault("order", "false")));
        List<String> written = topics.createOrUpdate(cluster, topic, read, write, perm, order);
        LOG.info("topic {} created/updated on {} ({} read, {} write queues, perm {}, order {})",
            topic, written, read, write, perm, order);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", topic);
        out.put("brokers", written);
        return out;
    }

    private Object createGroup(Map<String, Object> body) throws Exception {
        String cluster = HttpIo.required(body, "cluster");
        SubscriptionGroupConfig c = new SubscriptionGroupConfig(HttpIo.required(body, "group"));
        c.setConsumeEnable(HttpIo.boolParam(body, "consumeEnable", true));
        c.setConsumeBroadcastEnable(HttpIo.boolParam(body, "consumeBroadcastEnable", true));
        c.setRetryMaxTimes(HttpIo.intParam(body, "retryMaxTimes", 16));
        c.setBrokerId(HttpIo.intParam(body, "brokerId", 0));
        c.setWhichBrokerWhenConsumeSlowly(HttpIo.intParam(body, "whichBrokerWhenConsumeSlowly", 1));
        List<String> written = groupAdmin.createOrUpdate(cluster, c);
        LOG.info("subscription group created/updated on {}: {}", written, c);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", c.getGroupName());
        out.put("brokers", written);
        return out;
    }

    private Object resetOffset(Map<String, Object> body) throws Exception {
        String group = HttpIo.required(body, "group");
        String topic = HttpIo.required(body, "topic");
        long timestamp = HttpIo.longParam(body, "timestamp");
        Map<String, Object> out = groupAdmin.resetOffsetByTime(group, topic, timestamp);
        LOG.info("offsets of group {} on topic {} reset to time {} via {}: {}", group, topic, timestamp,
            out.get("via"), out.get("queues"));
        return out;
    }

    private Object deleteGroup(Map<String, Object> body) throws Exception {
        String cluster = HttpIo.required(body, "cluster");
        String group = HttpIo.required(body, "group");
        List<String> brokers = groupAdmin.delete(cluster, group);
        LOG.info("group {} deleted from {} (cluster {}) with its offsets, retry and DLQ topics", group, brokers, cluster);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group", group);
        out.put("brokers", brokers);
        return out;
    }

    private Object deleteTopic(Map<String, Object> body) throws Exception {
        String cluster = HttpIo.required(body, "cluster");
        String topic = HttpIo.required(body, "topic");
        List<String> brokers = topics.delete(cluster, topic);
        LOG.info("topic {} deleted from {} (cluster {}) and the NameServers", topic, brokers, cluster);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", topic);
        out.put("brokers", brokers);
        return out;
    }

    private Object sendMessage(Map<String, Object> body) throws Exception {
        String topic = HttpIo.required(body, "topic");
        Object tag = body.get("tag");
        Object key = body.get("key");
        Object text = body.get("body");
        Map<String, Object> out = sender.send(topic, tag == null ? null : String.valueOf(tag),
            key == null ? null : String.valueOf(key), text == null ? null : String.valueOf(text));
        LOG.info("test message sent to topic {}: {}", topic, out);
        return out;
    }

    private Object resend(Map<String, Object> body) throws Exception {
        String topic = HttpIo.required(body, "topic");
        String msgId = HttpIo.required(body, "msgId");
        String group = HttpIo.required(body, "group");
        Object clientId = body.get("clientId");
        Map<String, Object> out = resend.resend(topic, msgId, group, clientId == null ? null : String.valueOf(clientId));
        LOG.info("message {} of topic {} resent to group {}: {}", msgId, topic, group, out);
        return out;
    }

    private static void requirePost(String method) {
        if (!"POST".equals(method)) {
            throw new ApiException(405, "POST only");
        }
    }

    private static void requireGet(boolean get) {
        if (!get) {
            throw new ApiException(405, "GET only");
        }
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return m;
    }
}
