package org.mercurymq.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.MQAdminException;
import org.mercurymq.tools.admin.MessageTrack;

/** The Messages page: query by key and by message id; the detail with properties and body; its consume track. */
final class MessageView {
    /** Like the dashboard, a key query returns at most this many messages. */
    static final int MAX_RESULTS = 64;
    /** Bodies longer than this are cut in the answer (the length is still reported). */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final DefaultMQAdminExt admin;

    MessageView(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    List<Map<String, Object>> byKey(String topic, String key) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MessageExt m : queryOrNone(admin, topic, key, MAX_RESULTS)) {
            out.add(describe(m));
        }
        return out;
    }

    /**
     * The messages of {@code topic} indexed under {@code key}; none (not an error) when the brokers answer
     * NO_MESSAGE, as RocketMQ's do for a key they never indexed.
     */
    static List<MessageExt> queryOrNone(DefaultMQAdminExt admin, String topic, String key, int max) throws Exception {
        try {
            return admin.queryMessage(topic, key, max, 0, Long.MAX_VALUE).getMessageList();
        } catch (MQAdminException e) {
            if (e.getResponseCode() == ResponseCode.NO_MESSAGE.code()) {
                return List.of();
            }
            throw e;
        }
    }

    Map<String, Object> byId(String topic, String msgId) throws Exception {
        return describe(admin.viewMessage(topic, msgId));
    }

    /**
     * How each group that consumes the message's topic stands with it (the admin API's messageTrackDetail, as
     * {@code mqadmin queryMsgById} prints): CONSUMED, NOT_CONSUME_YET, CONSUMED_BUT_FILTERED, NOT_ONLINE, ...
     */
    List<Map<String, Object>> track(String topic, String msgId) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (MessageTrack t : admin.messageTrackDetail(admin.viewMessage(topic, msgId))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", t.getConsumerGroup());
            m.put("trackType", String.valueOf(t.getTrackType()));
            m.put("exceptionDesc", t.getExceptionDesc());
            out.add(m);
        }
        out.sort(Comparator.comparing(m -> String.valueOf(m.get("group"))));
        return out;
    }

    /** What names a message and where it is: id, topic, tags, keys, broker, queue and offset (list rows and detail). */
    static Map<String, Object> identity(MessageExt m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("msgId", m.getMsgId());
        d.put("topic", m.getTopic());
        d.put("tags", m.getTags());
        d.put("keys", m.getKeys());
        d.put("brokerName", m.getBrokerName());
        d.put("queueId", m.getQueueId());
        d.put("queueOffset", m.getQueueOffset());
        return d;
    }

    /** Everything as data; the page renders it with textContent only. */
    static Map<String, Object> describe(MessageExt m) {
        Map<String, Object> d = identity(m);
        d.put("commitLogOffset", m.getCommitLogOffset());
        d.put("bornTimestamp", m.getBornTimestamp());
        d.put("storeTimestamp", m.getStoreTimestamp());
        d.put("bornHost", m.getBornHostString());
        d.put("storeHost", String.valueOf(m.getStoreHost()));
        d.put("reconsumeTimes", m.getReconsumeTimes());
        d.put("storeSize", m.getStoreSize());
        d.put("properties", m.getProperties() == null ? Map.of() : new TreeMap<>(m.getProperties()));
        byte[] body = m.getBody() == null ? new byte[0] : m.getBody();
        d.put("bodyLength", body.length);
        int shown = Math.min(body.length, MAX_BODY_BYTES);
        d.put("bodyTruncated", shown < body.length);
        d.put("bodyText", new String(body, 0, shown, StandardCharsets.UTF_8));
        // the same bytes for the page's hex view (a body need not be UTF-8)
        d.put("bodyBase64", Base64.getEncoder().encodeToString(Arrays.copyOf(body, shown)));
        return d;
    }
}
