package org.mercurymq.remoting.protocol.route;

import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.annotation.JSONType;
import com.alibaba.fastjson2.reader.ObjectReader;
import java.lang.reflect.Type;
import java.util.Objects;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/**
 * The queues one broker name serves for a topic (docs/protocol/headers.md §6.2). JSON keys: brokerName, perm,
 * readQueueNums, topicSysFlag, writeQueueNums. Immutable and thread-safe.
 */
@JSONType(deserializer = QueueData.JsonReader.class)
public final class QueueData extends RemotingSerializable implements Comparable<QueueData> {
    private final String brokerName;
    private final int readQueueNums;
    private final int writeQueueNums;
    private final int perm;
    private final int topicSysFlag;

    public QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
        this.brokerName = brokerName;
        this.readQueueNums = readQueueNums;
        this.writeQueueNums = writeQueueNums;
        this.perm = perm;
        this.topicSysFlag = topicSysFlag;
    }

    /** The queue data a broker's topic config announces. */
    public static QueueData of(String brokerName, TopicConfig topic) {
        return new QueueData(brokerName, topic.getReadQueueNums(), topic.getWriteQueueNums(), topic.getPerm(),
            topic.getTopicSysFlag());
    }

    public QueueData withPerm(int newPerm) {
        return new QueueData(brokerName, readQueueNums, writeQueueNums, newPerm, topicSysFlag);
    }

    public static QueueData fromJson(JSONObject json) {
        return new QueueData(json.getString("brokerName"), json.getIntValue("readQueueNums"),
            json.getIntValue("writeQueueNums"), json.getIntValue("perm"), json.getIntValue("topicSysFlag"));
    }

    public String getBrokerName() {
        return brokerName;
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

    public int getTopicSysFlag() {
        return topicSysFlag;
    }

    @Override
    public int compareTo(QueueData o) {
        return brokerName.compareTo(o.brokerName);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof QueueData)) {
            return false;
        }
        QueueData that = (QueueData) o;
        return readQueueNums == that.readQueueNums && writeQueueNums == that.writeQueueNums && perm == that.perm
            && topicSysFlag == that.topicSysFlag && Objects.equals(brokerName, that.brokerName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(brokerName, readQueueNums, writeQueueNums, perm, topicSysFlag);
    }

    @Override
    public String toString() {
        return "QueueData [brokerName=" + brokerName + ", readQueueNums=" + readQueueNums + ", writeQueueNums="
            + writeQueueNums + ", perm=" + perm + ", topicSysFlag=" + topicSysFlag + "]";
    }

    /** Lets fastjson2 build this immutable class. */
    public static final class JsonReader implements ObjectReader<QueueData> {
        @Override
        public QueueData readObject(JSONReader reader, Type fieldType, Object fieldName, long features) {
            return reader.nextIfNull() ? null : fromJson(reader.read(JSONObject.class));
        }
    }
}
