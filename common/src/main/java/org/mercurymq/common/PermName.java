package org.mercurymq.common;

/**
 * Permission bits of topics, queue data and brokers (docs/protocol/behaviour.md §1). Stateless and thread-safe.
 */
public final class PermName {
    /** Unused by 4.9.x but part of the bit set. */
    public static final int PERM_PRIORITY = 0x1 << 3;
    public static final int PERM_READ = 0x1 << 2;
    public static final int PERM_WRITE = 0x1 << 1;
    /** The topic may serve as a template for auto-creation (TBW102). */
    public static final int PERM_INHERIT = 0x1;
    /** READ | WRITE, the default of a normal topic. */
    public static final int PERM_READ_WRITE = PERM_READ | PERM_WRITE;

    private PermName() {
    }

    public static boolean isReadable(int perm) {
        return (perm & PERM_READ) == PERM_READ;
    }

    public static boolean isWriteable(int perm) {
        return (perm & PERM_WRITE) == PERM_WRITE;
    }

    public static boolean isInherited(int perm) {
        return (perm & PERM_INHERIT) == PERM_INHERIT;
    }

    /** {@code RWX}-style text as mqadmin prints it: R, W and X (inherit) or '-', e.g. 6 → "RW-". */
    public static String perm2String(int perm) {
        StringBuilder sb = new StringBuilder("---");
        if (isReadable(perm)) {
            sb.setCharAt(0, 'R');
        }
        if (isWriteable(perm)) {
            sb.setCharAt(1, 'W');
        }
        if (isInherited(perm)) {
            sb.setCharAt(2, 'X');
        }
        return sb.toString();
    }
}
