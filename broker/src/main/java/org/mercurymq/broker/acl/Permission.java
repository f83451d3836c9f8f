package org.mercurymq.broker.acl;

import java.util.Set;

/** Permission bits of plain_acl.yml and the check of needed against owned bits (docs/security.md). */
final class Permission {
    static final int DENY = 1;
    static final int ANY = 2;
    static final int PUB = 4;
    static final int SUB = 8;

    /** Request codes only an admin account may use (create/update/delete topic and group, broker config). */
    static final Set<Integer> ADMIN_CODES = Set.of(17, 25, 215, 200, 207);

    private Permission() {
    }

    /** {@code DENY}, {@code PUB}, {@code SUB}, {@code PUB|SUB}/{@code SUB|PUB}; anything else is DENY, as in RocketMQ. */
    static int parse(String text) {
        if (text == null) {
            return DENY;
        }
        switch (text.trim()) {
            case "PUB":
                return PUB;
            case "SUB":
                return SUB;
            case "PUB|SUB":
            case "SUB|PUB":
                return PUB | SUB;
            default:
                return DENY;
        }
    }

    static boolean allows(int needed, int owned) {
        if ((owned & DENY) != 0) {
            return false;
        }
        if (needed == ANY) {
            return (owned & (PUB | SUB)) != 0;
        }
        return (needed & owned) != 0;
    }

    static String name(int perm) {
        switch (perm) {
            case PUB:
                return "PUB";
            case SUB:
                return "SUB";
            case PUB | SUB:
                return "PUB|SUB";
            case ANY:
                return "ANY";
            default:
                return "DENY";
        }
    }
}
