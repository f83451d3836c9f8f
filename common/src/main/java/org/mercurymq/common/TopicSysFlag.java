package org.mercurymq.common;

/** Bits of a topic's {@code topicSysFlag} (unit topics, used by name-server codes 311–313). Stateless. */
public final class TopicSysFlag {
    public static final int FLAG_UNIT = 0x1;
    public static final int FLAG_UNIT_SUB = 0x1 << 1;

    private TopicSysFlag() {
    }

    public static int buildSysFlag(boolean unit, boolean hasUnitSub) {
        return (unit ? FLAG_UNIT : 0) | (hasUnitSub ? FLAG_UNIT_SUB : 0);
    }

    public static boolean hasUnitFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT) == FLAG_UNIT;
    }

    public static boolean hasUnitSubFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT_SUB) == FLAG_UNIT_SUB;
    }
}
