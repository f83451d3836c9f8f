package org.mercurymq.remoting.protocol;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONReader;
import com.alibaba.fastjson2.JSONWriter;
import java.nio.charset.StandardCharsets;

/**
 * JSON bodies in the shape the official 4.9.x processes write (sorted keys, nulls omitted,
 * enums by name) and tolerant reading (unknown fields ignored, unquoted numeric map keys).
 * Body classes extend this to get {@code encode()}.
 */
public abstract class RemotingSerializable {
    public byte[] encode() {
        return encode(this);
    }

    public String toJson() {
        return toJson(this);
    }

    public static byte[] encode(Object obj) {
        return toJson(obj).getBytes(StandardCharsets.UTF_8);
    }

    public static String toJson(Object obj) {
        return JSON.toJSONString(obj, JSONWriter.Feature.MapSortField);
    }

    /**
     * Standard JSON: as {@link #toJson(Object)} but numeric map keys quoted ({@code {"0":…}}) and non-ASCII
     * escaped (backslash-u), the form a 4.9.4+ name server sends route replies in (docs/protocol/headers.md §6.2, §9).
     */
    public static String toStandardJson(Object obj) {
        return JSON.toJSONString(obj, JSONWriter.Feature.MapSortField, JSONWriter.Feature.WriteNonStringKeyAsString,
            JSONWriter.Feature.EscapeNoneAscii);
    }

    public static byte[] encodeStandard(Object obj) {
        return toStandardJson(obj).getBytes(StandardCharsets.UTF_8);
    }

    public static <T> T decode(byte[] data, Class<T> type) {
        return fromJson(new String(data, StandardCharsets.UTF_8), type);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSON.parseObject(json, type, JSONReader.Feature.AllowUnQuotedFieldNames,
            JSONReader.Feature.NonStringKeyAsString, JSONReader.Feature.SupportSmartMatch);
    }
}
