package org.mercurymq.console.login;

import java.util.Locale;

/** What a console user may do: {@link #ADMIN} everything, {@link #VIEWER} only read (GET). */
public enum Role {
    ADMIN, VIEWER;

    /** The name as written in the users file and answered by {@code /api/me}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} ({@code admin} or {@code viewer}), or an IllegalArgumentException. */
    public static Role of(String text) {
        for (Role r : values()) {
            if (r.text().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be admin or viewer, not " + text);
    }
}
