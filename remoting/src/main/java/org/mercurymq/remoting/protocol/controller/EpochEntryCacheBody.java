package org.mercurymq.remoting.protocol.controller;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Body of GET_BROKER_EPOCH_CACHE (1007), RocketMQ 5's EpochEntryCache: {@code {"clusterName","brokerName","brokerId",
 * "epochList":[{"epoch","startOffset","endOffset"}],"maxOffset"}}; the last entry's end is the max offset. Immutable.
 */
public final class EpochEntryCacheBody {
    /** One master term: epoch and its commit-log range. Immutable. */
    public static final class Entry {
        private final int epoch;
        private final long startOffset;
        private final long endOffset;

        public Entry(int epoch, long startOffset, long endOffset) {
            this.epoch = epoch;
            this.startOffset = startOffset;
            this.endOffset = endOffset;
        }

        public int epoch() {
            return epoch;
        }

        public long startOffset() {
            return startOffset;
        }

        public long endOffset() {
            return endOffset;
        }
    }

    private final String clusterName;
    private final String brokerName;
    private final long brokerId;
    private final List<Entry> epochList;
    private final long maxOffset;

    public EpochEntryCacheBody(String clusterName, String brokerName, long brokerId, List<Entry> epochList,
                               long maxOffset) {
        this.clusterName = clusterName;
        this.brokerName = brokerName;
        this.brokerId = brokerId;
        this.epochList = Collections.unmodifiableList(new ArrayList<>(epochList));
        this.maxOffset = maxOffset;
    }

    public String getClusterName() {
        return clusterName;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public long getBrokerId() {
        return brokerId;
    }

    public List<Entry> getEpochList() {
        return epochList;
    }

    public long getMaxOffset() {
        return maxOffset;
    }

    public byte[] encode() {
        JSONObject o = new JSONObject();
        o.put("clusterName", clusterName);
        o.put("brokerName", brokerName);
        o.put("brokerId", brokerId);
        JSONArray list = new JSONArray();
        for (Entry e : epochList) {
            JSONObject j = new JSONObject();
            j.put("epoch", e.epoch());
            j.put("startOffset", e.startOffset());
            j.put("endOffset", e.endOffset());
            list.add(j);
        }
        o.put("epochList", list);
        o.put("maxOffset", maxOffset);
        return o.toJSONString().getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a body; IllegalArgumentException naming what is missing. */
    public static EpochEntryCacheBody decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("missing epoch cache body");
        }
        JSONObject o = JSON.parseObject(new String(body, StandardCharsets.UTF_8));
        if (o == null || !o.containsKey("epochList")) {
            throw new IllegalArgumentException("epoch cache body has no epochList");
        }
        List<Entry> entries = new ArrayList<>();
        JSONArray list = o.getJSONArray("epochList");
        for (int i = 0; i < list.size(); i++) {
            JSONObject j = list.getJSONObject(i);
            entries.add(new Entry(j.getIntValue("epoch"), j.getLongValue("startOffset"), j.getLongValue("endOffset")));
        }
        return new EpochEntryCacheBody(o.getString("clusterName"), o.getString("brokerName"), o.getLongValue("brokerId"),
            entries, o.getLongValue("maxOffset"));
    }
}
