package org.mercurymq.remoting.protocol.body;

import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.annotation.JSONType;
import com.alibaba.fastjson2.reader.ObjectReader;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** String key → string value table, JSON {@code {"table":{…}}} (219, register reply, runtime info). Immutable. */
@JSONType(deserializer = KVTable.JsonReader.class)
public final class KVTable extends RemotingSerializable {
    private final Map<String, String> table;

    public KVTable(Map<String, String> table) {
        this.table = Collections.unmodifiableMap(new TreeMap<>(table));
    }

    public static KVTable fromJson(JSONObject json) {
        Map<String, String> table = new TreeMap<>();
        JSONObject t = json.getJSONObject("table");
        if (t != null) {
            for (Map.Entry<String, Object> e : t.entrySet()) {
                table.put(e.getKey(), e.getValue() == null ? null : e.getValue().toString());
            }
        }
        return new KVTable(table);
    }

    public Map<String, String> getTable() {
        return table;
    }

    /** Lets fastjson2 build this immutable class. */
    public static final class JsonReader implements ObjectReader<KVTable> {
        @Override
        public KVTable readObject(JSONReader reader, Type fieldType, Object fieldName, long features) {
            return reader.nextIfNull() ? null : fromJson(reader.read(JSONObject.class));
        }
    }
}
