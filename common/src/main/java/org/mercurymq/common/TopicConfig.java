package org.mercurymq.common;

import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.annotation.JSONType;
import com.alibaba.fastjson2.reader.ObjectReader;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A topic's configuration as held by a broker (topics.json, docs/protocol/store-format.md §8) and registered with
 * the name server. JSON keys: order, perm, readQueueNums, topicFilterType, topicName, topicSysFlag,
 * writeQueueNums. Immutable and thread-safe; the {@code with…} methods return modified copies.
 */
@JSONType(deserializer = TopicConfig.JsonReader.class)
public final class TopicConfig {
    public static final int DEFAULT_READ_QUEUE_NUMS = 16;
    public static final int DEFAULT_WRITE_QUEUE_NUMS = 16;
    private static final String SEPARATOR = " ";

    private final String topicName;
    private final int readQueueNums;
    private final int writeQueueNums;
    private final int perm;
    private final TopicFilterType topicFilterType;
    private final int topicSysFlag;
    private final boolean order;

    /** A topic with the defaults: 16/16 queues, perm 6, SINGLE_TAG, sysFlag 0, not ordered. */
    public TopicConfig(String topicName) {
        this(topicName, DEFAULT_READ_QUEUE_NUMS, DEFAULT_WRITE_QUEUE_NUMS, PermName.PERM_READ_WRITE);
    }

    public TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm) {
        this(topicName, readQueueNums, writeQueueNums, perm, TopicFilterType.SINGLE_TAG, 0, false);
    }

    public TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm,
                       TopicFilterType topicFilterType, int topicSysFlag, boolean order) {
        this.topicName = topicName;
        this.readQueueNums = readQueueNums;
        this.writeQueueNums = writeQueueNums;
        this.perm = perm;
        this.topicFilterType = topicFilterType == null ? TopicFilterType.SINGLE_TAG : topicFilterType;
        this.topicSysFlag = topicSysFlag;
        this.order = order;
    }

    public TopicConfig withPerm(int newPerm) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, newPerm, topicFilterType, topicSysFlag, order);
    }

    public TopicConfig withQueueNums(int newReadQueueNums, int newWriteQueueNums) {
        return new TopicConfig(topicName, newReadQueueNums, newWriteQueueNums, perm, topicFilterType, topicSysFlag, order);
    }

    public TopicConfig withTopicSysFlag(int newTopicSysFlag) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, perm, topicFilterType, newTopicSysFlag, order);
    }

    public TopicConfig withOrder(boolean newOrder) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag, newOrder);
    }

    /**
     * The text form of the compressed REGISTER_BROKER body (docs/protocol/headers.md §6.5):
     * {@code topicName readQueueNums writeQueueNums perm topicFilterType}; sysFlag and order are not carried.
     */
    public String encode() {
        return topicName + SEPARATOR + readQueueNums + SEPARATOR + writeQueueNums + SEPARATOR + perm
            + SEPARATOR + topicFilterType;
    }

    /** Parses {@link #encode()}'s form; throws IllegalArgumentException on anything else. */
    public static TopicConfig decode(String text) {
        String[] parts = text == null ? new String[0] : text.split(SEPARATOR);
        if (parts.length != 5 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("topic config text must be 'name read write perm filterType': '" + text + "'");
        }
        try {
            return new TopicConfig(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]), TopicFilterType.valueOf(parts[4]), 0, false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad topic config text '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Reads the JSON object form; missing fields take the defaults of {@link #TopicConfig(String)}. */
    public static TopicConfig fromJson(JSONObject json) {
        String filter = json.getString("topicFilterType");
        TopicFilterType filterType = TopicFilterType.SINGLE_TAG;
        if (filter != null && !filter.isEmpty()) {
            try {
                filterType = Character.isDigit(filter.charAt(0))
                    ? TopicFilterType.values()[Integer.parseInt(filter)] : TopicFilterType.valueOf(filter);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unknown topicFilterType '" + filter + "'");
            }
        }
        return new TopicConfig(json.getString("topicName"),
            json.containsKey("readQueueNums") ? json.getIntValue("readQueueNums") : DEFAULT_READ_QUEUE_NUMS,
            json.containsKey("writeQueueNums") ? json.getIntValue("writeQueueNums") : DEFAULT_WRITE_QUEUE_NUMS,
            json.containsKey("perm") ? json.getIntValue("perm") : PermName.PERM_READ_WRITE,
            filterType, json.getIntValue("topicSysFlag"), json.getBooleanValue("order"));
    }

    public String getTopicName() {
        return topicName;
    }

    public int getReadQueueNums() {
        return readQueueNums;
    }

    public int getWriteQueueNums() {
        return writeQueueNums;
    }

    public int getPerm() {
        return perm;
    }

    public TopicFilterType getTopicFilterType() {
        return topicFilterType;
    }

    public int getTopicSysFlag() {
        return topicSysFlag;
    }

    public boolean isOrder() {
        return order;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TopicConfig)) {
            return false;
        }
        TopicConfig that = (TopicConfig) o;
        return readQueueNums == that.readQueueNums && writeQueueNums == that.writeQueueNums && perm == that.perm
            && topicSysFlag == that.topicSysFlag && order == that.order && Objects.equals(topicName, that.topicName)
            && topicFilterType == that.topicFilterType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicName, readQueueNums, writeQueueNums, perm, topicFilterType, topicSysFlag, order);
    }

    @Override
    public String toString() {
        return "TopicConfig [topicName=" + topicName + ", readQueueNums=" + readQueueNums + ", writeQueueNums="
            + writeQueueNums + ", perm=" + PermName.perm2String(perm) + ", topicFilterType=" + topicFilterType
            + ", topicSysFlag=" + topicSysFlag + ", order=" + order + "]";
    }

    /** Lets fastjson2 build this immutable class. */
    public static final class JsonReader implements ObjectReader<TopicConfig> {
        @Override
        public TopicConfig readObject(JSONReader reader, Type fieldType, Object fieldName, long features) {
            if (reader.nextIfNull()) {
                return null;
            }
            return fromJson(reader.read(JSONObject.class));
        }
    }
}
