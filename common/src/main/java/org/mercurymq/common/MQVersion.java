package org.mercurymq.common;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * RocketMQ release ordinals carried in every command's {@code version} field (docs/protocol/remoting.md §7).
 * Only the ordinals the protocol rules use are named here. Stateless and thread-safe.
 */
public final class MQVersion {
    /** Register body is RegisterBrokerBody (with filter servers) from here on; older brokers send the bare wrapper. */
    public static final int V3_0_11 = 37;
    /** Brokers honour {@code maxReconsumeTimes} from send-back headers from here on. */
    public static final int V3_4_9 = 121;
    /** Clients below this refuse SQL92 subscriptions. */
    public static final int V4_1_0_SNAPSHOT = 232;
    public static final int V4_9_0 = 393;
    public static final int V4_9_1 = 395;
    public static final int V4_9_2 = 397;
    public static final int V4_9_3 = 399;
    /** Route replies (105) to clients from here on use standard JSON with quoted numeric keys. */
    public static final int V4_9_4 = 401;
    public static final int V4_9_5 = 403;
    public static final int V4_9_6 = 405;
    public static final int V4_9_7 = 407;
    public static final int V4_9_8 = 409;
    public static final int V5_0_0 = 413;

    /** The version Mercury speaks: 4.9.7. */
    public static final int CURRENT_VERSION = V4_9_7;

    private static final Map<Integer, String> NAMES;

    static {
        Map<Integer, String> names = new HashMap<>();
        names.put(V3_0_11, "V3_0_11");
        names.put(V3_4_9, "V3_4_9");
        names.put(V4_1_0_SNAPSHOT, "V4_1_0_SNAPSHOT");
        String[] releases = {"V4_9_0", "V4_9_1", "V4_9_2", "V4_9_3", "V4_9_4", "V4_9_5", "V4_9_6", "V4_9_7", "V4_9_8"};
        for (int i = 0; i < releases.length; i++) {
            // each release ordinal is preceded by its _SNAPSHOT ordinal
            names.put(V4_9_0 + 2 * i, releases[i]);
            names.put(V4_9_0 + 2 * i - 1, releases[i] + "_SNAPSHOT");
        }
        names.put(V5_0_0, "V5_0_0");
        NAMES = Collections.unmodifiableMap(names);
    }

    private MQVersion() {
    }

    /** The release name of an ordinal, e.g. 407 → "V4_9_7"; ordinals not named here give "V_ORDINAL_&lt;n&gt;". */
    public static String getVersionDesc(int value) {
        String name = NAMES.get(value);
        return name != null ? name : "V_ORDINAL_" + value;
    }
}
