package org.mercurymq.common;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.annotation.JSONType;
import com.alibaba.fastjson2.reader.ObjectReader;
import java.lang.reflect.Type;

/**
 * Version stamp of a broker's topic or subscription table: JSON {@code {"counter":N,"timestamp":ms}}.
 * Immutable and thread-safe; {@link #nextVersion()} returns a new stamp.
 */
@JSONType(deserializer = DataVersion.JsonReader.class)
public final class DataVersion {
    private final long timestamp;
    private final long counter;

    public DataVersion(long timestamp, long counter) {
        this.timestamp = timestamp;
        this.counter = counter;
    }

    /** A first version stamped now with counter 0. */
    public static DataVersion initial() {
        return new DataVersion(System.currentTimeMillis(), 0);
    }

    public DataVersion nextVersion() {
        return nextVersion(System.currentTimeMillis());
    }

    public DataVersion nextVersion(long nowMillis) {
        return new DataVersion(nowMillis, counter + 1);
    }

    public long getTimestamp() {
        return timestamp;
    }

    public long getCounter() {
        return counter;
    }

    /** {@code {"counter":N,"timestamp":ms}}, as the official processes write it. */
    public String toJson() {
        return JSON.toJSONString(this);
    }

    /** Reads {@code {"counter":…,"timestamp":…}}; numbers may also arrive as strings, missing fields are 0. */
    public static DataVersion fromJson(JSONObject json) {
        return new DataVersion(json.getLongValue("timestamp"), json.getLongValue("counter"));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataVersion)) {
            return false;
        }
        DataVersion that = (DataVersion) o;
        return timestamp == that.timestamp && counter == that.counter;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(timestamp) + Long.hashCode(counter);
    }

    @Override
    public String toString() {
        return "DataVersion[timestamp=" + timestamp + ", counter=" + counter + "]";
    }

    /** Lets fastjson2 build this immutable class. */
    public static final class JsonReader implements ObjectReader<DataVersion> {
        @Override
        public DataVersion readObject(JSONReader reader, Type fieldType, Object fieldName, long features) {
            if (reader.nextIfNull()) {
                return null;
            }
            return fromJson(reader.read(JSONObject.class));
        }
    }
}
