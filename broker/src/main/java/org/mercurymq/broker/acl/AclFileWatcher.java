package org.mercurymq.broker.acl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current ACL config and reloads it when the set of ACL files or any file's modification
 * time changes, checked every {@code periodMillis} (5 s as in RocketMQ) on thread "AclFileWatchService";
 * requests never read files. A file that fails to load keeps the last good config and is logged once at
 * ERROR until it changes again. Thread-safe. start()/shutdown().
 */
public final class AclFileWatcher {
    public static final long DEFAULT_PERIOD_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(AclFileWatcher.class);

    private final AclConfigLoader loader;
    private final long periodMillis;
    private final AtomicReference<AclConfig> current = new AtomicReference<>();
    private ScheduledExecutorService scheduler;
    private Map<Path, String> stamps = Map.of();

    /** Loads the files now: throws {@link AclException} naming the file if they cannot be loaded. */
    public AclFileWatcher(AclConfigLoader loader, long periodMillis) {
        this.loader = loader;
        this.periodMillis = periodMillis;
        stamps = stamps();
        AclConfig first = loader.load();
        current.set(first);
        LOG.info("ACL: loaded {} account(s), {} global white pattern(s) from {}", first.accounts.size(),
            first.globalWhiteRemoteAddresses.size(), stamps.keySet());
    }

    public PlainAccessValidator validator() {
        return new PlainAccessValidator(current::get);
    }

    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "AclFileWatchService");
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("ACL: {} died", th.getName(), e));
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    public synchronized void shutdown() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Reloads at once if anything changed (after an admin edit), as the next watch round would. */
    public synchronized void reloadNow() {
        check();
    }

    /** One watch round (also called by tests). */
    synchronized void check() {
        Map<Path, String> now = stamps();
        if (now.equals(stamps)) {
            return;
        }
        stamps = now;
        try {
            AclConfig next = loader.load();
            current.set(next);
            LOG.info("ACL: reloaded {} account(s), {} global white pattern(s)", next.accounts.size(),
                next.globalWhiteRemoteAddresses.size());
        } catch (AclException e) {
            LOG.error("ACL: reload failed, keeping the last good config: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("ACL: reload failed, keeping the last good config: {}", e.toString());
        }
    }

    /** Modification time (full file-system precision) and size of each file; "-" when missing. */
    private Map<Path, String> stamps() {
        Map<Path, String> m = new HashMap<>();
        try {
            List<Path> files = loader.files();
            for (Path f : files) {
                m.put(f, Files.exists(f) ? Files.getLastModifiedTime(f) + "/" + Files.size(f) : "-");
            }
        } catch (IOException e) {
            m.put(loader.defaultFile(), "unlistable");
        }
        return m;
    }
}
