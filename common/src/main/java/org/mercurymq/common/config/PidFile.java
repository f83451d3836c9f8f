package org.mercurymq.common.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * The pid file bin/runserver.sh writes for a daemon and names with {@code -Dmercury.pid.file}; bin/mqshutdown
 * signals only the process it names (docs/deployment.md). The daemon deletes it when it stops or fails to
 * start. Stateless.
 */
public final class PidFile {
    public static final String PROPERTY = "mercury.pid.file";

    private PidFile() {
    }

    /** Deletes this process's pid file, if it has one; returns why it could not, or null. */
    public static String deleteOwn() {
        String pidFile = System.getProperty(PROPERTY);
        if (pidFile == null || pidFile.isEmpty()) {
            return null;
        }
        try {
            Files.deleteIfExists(Paths.get(pidFile));
            return null;
        } catch (IOException e) {
            return "cannot delete pid file " + pidFile + ": " + e;
        }
    }
}
