package org.mercurymq.common.config;

import java.net.BindException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the start-up failures an operator causes and fixes by changing one key — a port already taken by another
 * process, a store directory held by another broker — into one line that names the key, so the daemon can print that
 * line instead of a stack trace (docs/deployment.md, "When a daemon does not start"). Anything else is not explained
 * and keeps its full report. Immutable and thread-safe.
 */
public final class StartupFailure {
    /** "cannot listen on 0.0.0.0:10911: ..." (remoting) or "... on port 10912" (HA). */
    private static final Pattern PORT = Pattern.compile("(?::|port )(\\d{1,5})\\b");
    /** Part of the store's message when its lock file is held by another process. */
    private static final String STORE_IN_USE = "already in use by another process";

    private final Map<Integer, String> keyByPort;
    private final String storeKey;

    private StartupFailure(Map<Integer, String> keyByPort, String storeKey) {
        this.keyByPort = keyByPort;
        this.storeKey = storeKey;
    }

    /**
     * @param keyByPort for each port the daemon binds, the key (and a short hint) that sets it
     * @param storeKey the key that chooses the store directory, or null when the daemon has no store
     */
    public static StartupFailure of(Map<Integer, String> keyByPort, String storeKey) {
        return new StartupFailure(new LinkedHashMap<>(keyByPort), storeKey);
    }

    /** One line naming the key to change, or null when {@code failure} is not such an expected failure. */
    public String explain(Throwable failure) {
        if (storeKey != null && chainMentions(failure, STORE_IN_USE)) {
            return "the store is used by another running broker (" + firstMessage(failure) + "): stop that broker, or"
                + " give this one its own " + storeKey;
        }
        if (isPortInUse(failure)) {
            Integer port = portIn(failure);
            String key = port == null ? null : keyByPort.get(port);
            if (key == null) {
                return "a port is already in use by another process (" + firstMessage(failure) + "): change "
                    + String.join(" / ", keyByPort.values());
            }
            return "port " + port + " is already in use by another process: change " + key;
        }
        return null;
    }

    private static boolean isPortInUse(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BindException) {
                return true;
            }
            String m = c.getMessage();
            if (m != null && m.contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static Integer portIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m == null) {
                continue;
            }
            Matcher matcher = PORT.matcher(m);
            if (matcher.find()) {
                return Integer.valueOf(matcher.group(1));
            }
        }
        return null;
    }

    private static boolean chainMentions(Throwable t, String text) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String firstMessage(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
