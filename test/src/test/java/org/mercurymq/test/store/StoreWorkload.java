package org.mercurymq.test.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deterministic message sequence both stores write: topics, queues, tags, keys, UNIQ_KEY, flags, born
 * times and hosts, reconsume times and body bytes all derive from the sequence number.
 */
final class StoreWorkload {
    static final String TOPIC_PREFIX = "CompatTopic";
    static final int QUEUES = 4;
    static final int SEGMENT = 256 * 1024;
    static final int CQ_SEGMENT = 100 * 20;
    static final int HASH_SLOTS = 1000;
    static final int INDEX_NUM = 4000;
    static final long BORN_BASE = 1_790_000_000_000L;

    private StoreWorkload() {
    }

    static String topic(int i) {
        return TOPIC_PREFIX + (i % 2);
    }

    static int queueId(int i) {
        return (i / 2) % QUEUES;
    }

    static int flag(int i) {
        return i * 7;
    }

    static long bornTimestamp(int i) {
        return BORN_BASE + i;
    }

    static int bornPort(int i) {
        return 40000 + i % 10;
    }

    static int reconsumeTimes(int i) {
        return i % 3;
    }

    static String tags(int i) {
        return "Tag" + (i % 3);
    }

    static String keys(int i) {
        return "key-" + i + " shared-" + (i % 5);
    }

    static String uniqKey(int i) {
        return String.format("0A0000010FA01B2C3D4E%012X", i);
    }

    static byte[] body(int i) {
        int len = 20 + (i * 131) % 3000;
        byte[] b = new byte[len];
        for (int k = 0; k < len; k++) {
            b[k] = (byte) ((i * 31 + k * 17) & 0xFF);
        }
        return b;
    }

    /** Properties in a fixed order, so both stores write the same property string. */
    static Map<String, String> properties(int i) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("KEYS", keys(i));
        p.put("UNIQ_KEY", uniqKey(i));
        p.put("TAGS", tags(i));
        p.put("CLUSTER", "DefaultCluster");
        if (i % 4 == 0) {
            p.put("userProp", "value-" + i);
        }
        return p;
    }

    static String propertiesString(int i) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : properties(i).entrySet()) {
            if (sb.length() > 0) {
                sb.append((char) 2);
            }
            sb.append(e.getKey()).append((char) 1).append(e.getValue());
        }
        return sb.toString();
    }
}
