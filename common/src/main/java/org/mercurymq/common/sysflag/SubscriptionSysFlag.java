package org.mercurymq.common.sysflag;

/** The sysFlag bits of a subscription group (unit flag). Stateless. */
public final class SubscriptionSysFlag {
    public static final int FLAG_UNIT = 0x1;

    private SubscriptionSysFlag() {
    }

    public static int buildSysFlag(boolean unit) {
        return unit ? FLAG_UNIT : 0;
    }

    public static int setUnitFlag(int sysFlag) {
        return sysFlag | FLAG_UNIT;
    }

    public static int clearUnitFlag(int sysFlag) {
        return sysFlag & ~FLAG_UNIT;
    }

    public static boolean hasUnitFlag(int sysFlag) {
        return (sysFlag & FLAG_UNIT) == FLAG_UNIT;
    }
}
