package org.mercurymq.broker.metadata;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;

/** The JSON forms of the metadata files: pretty (tab indented) on disk, compact on the wire. Stateless. */
public final class MetadataJson {
    private MetadataJson() {
    }

    public static String pretty(Object value) {
        return JSON.toJSONString(value, JSONWriter.Feature.MapSortField, JSONWriter.Feature.PrettyFormat);
    }
}
