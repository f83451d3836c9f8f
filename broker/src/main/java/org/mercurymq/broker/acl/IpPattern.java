package org.mercurymq.broker.acl;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One address pattern of plain_acl.yml (docs/security.md): blank matches nothing; {@code *} (or
 * {@code *.*.*.*}) everything; {@code a.b.c.{x,y}} and {@code ip1,ip2} a fixed set; {@code 192.168.*.*}
 * or {@code 10.1.1-200.*} a range on the first wildcard octet (later octets are not checked, as in
 * RocketMQ); anything else one exact address. IPv6 is supported as exact addresses and sets; IPv6
 * ranges are refused at load. Immutable, thread-safe.
 */
final class IpPattern {
    private enum Kind { NONE, ALL, SET, RANGE }

    private final String text;
    private final Kind kind;
    private final Set<String> set;
    private final String[] prefix;
    private final int start;
    private final int end;

    private IpPattern(String text, Kind kind, Set<String> set, String[] prefix, int start, int end) {
        this.text = text;
        this.kind = kind;
        this.set = set;
        this.prefix = prefix;
        this.start = start;
        this.end = end;
    }

    static IpPattern parse(String pattern) {
        String p = pattern == null ? "" : pattern.trim();
        if (p.isEmpty()) {
            return new IpPattern(p, Kind.NONE, null, null, 0, 0);
        }
        if (p.equals("*") || p.equals("*.*.*.*") || p.equals("*:*:*:*:*:*:*:*")) {
            return new IpPattern(p, Kind.ALL, null, null, 0, 0);
        }
        if (p.endsWith("}")) {
            int open = p.indexOf('{');
            if (open < 0) {
                throw bad(p);
            }
            String head = p.substring(0, open);
            Set<String> s = new HashSet<>();
            for (String item : p.substring(open + 1, p.length() - 1).split(",")) {
                s.add(normalise(head + item.trim(), p));
            }
            return new IpPattern(p, Kind.SET, s, null, 0, 0);
        }
        if (p.contains(",")) {
            Set<String> s = new HashSet<>();
            for (String item : p.split(",")) {
                s.add(normalise(item.trim(), p));
            }
            return new IpPattern(p, Kind.SET, s, null, 0, 0);
        }
        if (p.contains("*") || p.contains("-")) {
            return range(p);
        }
        Set<String> one = new HashSet<>();
        one.add(normalise(p, p));
        return new IpPattern(p, Kind.SET, one, null, 0, 0);
    }

    private static IpPattern range(String p) {
        if (p.contains(":")) {
            throw new AclException("Netaddress examine Exception: IPv6 range pattern " + p + " is not supported by Mercury");
        }
        String[] parts = p.split("\\.", -1);
        if (parts.length != 4) {
            throw bad(p);
        }
        for (int i = 1; i < 4; i++) {
            String part = parts[i].trim();
            int lo;
            int hi;
            if (part.equals("*")) {
                lo = 0;
                hi = 255;
            } else if (part.contains("-")) {
                String[] ends = part.split("-", -1);
                if (ends.length != 2 || ends[0].isEmpty()) {
                    throw bad(p);
                }
                lo = octet(ends[0], p);
                hi = octet(ends[1], p);
                if (lo > hi) {
                    throw bad(p);
                }
            } else {
                continue;
            }
            String[] head = new String[i];
            for (int j = 0; j < i; j++) {
                head[j] = String.valueOf(octet(parts[j].trim(), p));
            }
            return new IpPattern(p, Kind.RANGE, null, head, lo, hi);
        }
        throw bad(p);
    }

    boolean matches(String address) {
        switch (kind) {
            case NONE:
                return false;
            case ALL:
                return true;
            case SET:
                String n = normaliseOrNull(address);
                return n != null && set.contains(n);
            default:
                String[] parts = address.split("\\.", -1);
                if (parts.length != 4) {
                    return false;
                }
                for (int j = 0; j < prefix.length; j++) {
                    if (!prefix[j].equals(parts[j])) {
                        return false;
                    }
                }
                try {
                    int v = Integer.parseInt(parts[prefix.length]);
                    return v >= start && v <= end;
                } catch (NumberFormatException e) {
                    return false;
                }
        }
    }

    @Override
    public String toString() {
        return text;
    }

    private static int octet(String s, String pattern) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v < 0 || v > 255) {
                throw bad(pattern);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(pattern);
        }
    }

    private static String normalise(String address, String pattern) {
        String n = normaliseOrNull(address);
        if (n == null) {
            throw bad(pattern);
        }
        return n;
    }

    /** IPv4 as dotted decimal without leading zeros; IPv6 as eight upper-case 4-digit groups; null if neither. */
    static String normaliseOrNull(String address) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        if (a.indexOf(':') < 0) {
            String[] parts = a.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int v = Integer.parseInt(part);
                if (v > 255) {
                    return null;
                }
                sb.append(sb.length() == 0 ? "" : ".").append(v);
            }
            return sb.toString();
        }
        return expandIpv6(a);
    }

    private static String expandIpv6(String a) {
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int dbl = a.indexOf("::");
        String[] groups;
        if (dbl >= 0) {
            if (a.indexOf("::", dbl + 1) >= 0) {
                return null;
            }
            String[] left = a.substring(0, dbl).isEmpty() ? new String[0] : a.substring(0, dbl).split(":", -1);
            String[] right = a.substring(dbl + 2).isEmpty() ? new String[0] : a.substring(dbl + 2).split(":", -1);
            int missing = 8 - left.length - right.length;
            if (missing < 1) {
                return null;
            }
            groups = new String[8];
            System.arraycopy(left, 0, groups, 0, left.length);
            for (int i = 0; i < missing; i++) {
                groups[left.length + i] = "0";
            }
            System.arraycopy(right, 0, groups, left.length + missing, right.length);
        } else {
            groups = a.split(":", -1);
            if (groups.length != 8) {
                return null;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String g : groups) {
            if (g.isEmpty() || g.length() > 4) {
                return null;
            }
            int v;
            try {
                v = Integer.parseInt(g, 16);
            } catch (NumberFormatException e) {
                return null;
            }
            sb.append(sb.length() == 0 ? "" : ":").append(String.format(Locale.ROOT, "%04X", v));
        }
        return sb.toString();
    }

    private static AclException bad(String pattern) {
        return new AclException("Netaddress examine Exception: bad address pattern " + pattern);
    }
}
