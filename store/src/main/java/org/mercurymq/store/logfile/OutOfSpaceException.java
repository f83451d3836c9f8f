package org.mercurymq.store.logfile;

import java.io.IOException;

/** A segment could not be allocated because its file system has too little free space. */
public final class OutOfSpaceException extends IOException {
    private static final long serialVersionUID = 1L;

    public OutOfSpaceException(String message) {
        super(message);
    }

    public OutOfSpaceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code t} or one of its causes is an out-of-space failure (ours or the OS's ENOSPC/EDQUOT). */
    public static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfSpaceException) {
                return true;
            }
            String m = c.getMessage();
            if (c instanceof IOException && m != null
                && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
