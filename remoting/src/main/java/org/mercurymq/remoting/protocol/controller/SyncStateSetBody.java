package org.mercurymq.remoting.protocol.controller;

import com.alibaba.fastjson2.JSON;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Body {@code {"syncStateSet":[ids],"syncStateSetEpoch":n}}: the broker ids caught up with the master and the
 * epoch of that set. Immutable.
 */
public final class SyncStateSetBody {
    private final Set<Long> syncStateSet;
    private final int syncStateSetEpoch;

    public SyncStateSetBody(Set<Long> syncStateSet, int syncStateSetEpoch) {
        this.syncStateSet = Collections.unmodifiableSet(new TreeSet<>(syncStateSet));
        this.syncStateSetEpoch = syncStateSetEpoch;
    }

    public Set<Long> getSyncStateSet() {
        return syncStateSet;
    }

    public int getSyncStateSetEpoch() {
        return syncStateSetEpoch;
    }

    public byte[] encode() {
        return ("{\"syncStateSet\":" + JSON.toJSONString(syncStateSet) + ",\"syncStateSetEpoch\":" + syncStateSetEpoch + "}")
            .getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a body; throws IllegalArgumentException with the reason for a missing or malformed one. */
    public static SyncStateSetBody decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("missing SyncStateSet body");
        }
        com.alibaba.fastjson2.JSONObject o = JSON.parseObject(new String(body, StandardCharsets.UTF_8));
        if (o == null || !o.containsKey("syncStateSet")) {
            throw new IllegalArgumentException("SyncStateSet body has no syncStateSet");
        }
        Set<Long> ids = new TreeSet<>(o.getJSONArray("syncStateSet").toJavaList(Long.class));
        return new SyncStateSetBody(ids, o.getIntValue("syncStateSetEpoch"));
    }

    @Override
    public String toString() {
        return "SyncStateSet" + syncStateSet + "@" + syncStateSetEpoch;
    }
}
