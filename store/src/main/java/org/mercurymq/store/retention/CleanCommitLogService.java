package org.mercurymq.store.retention;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.StoreState;
import org.mercurymq.store.commitlog.CommitLog;
import org.mercurymq.store.logfile.MappedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired commit-log segments (docs/protocol/store-format.md section 10): at a deleteWhen hour, above
 * diskMaxUsedSpaceRatio, or on a manual request, every segment (oldest first, never the newest) not
 * modified for fileReservedTime hours; above the forced-clean ratio even unexpired ones. Above the
 * warning ratio the store is marked disk-full and refuses puts until usage drops. A forced deletion of
 * unexpired segments is accounted for by the {@link ForcedCleanReporter} (messages lost, groups cut).
 * The retention keys are read from the live config at every run (UPDATE_BROKER_CONFIG applies them at once).
 * Thread-safety: {@link #run()} from one scheduler thread; {@link #executeDeleteFilesManually()} from any.
 */
public final class CleanCommitLogService {
    private static final Logger LOG = LoggerFactory.getLogger(CleanCommitLogService.class);
    private static final int MANUAL_DELETE_RUNS = 20;

    private final Supplier<MessageStoreConfig> liveConfig;
    private final Clock clock;
    private final CommitLog commitLog;
    private final StoreState state;
    private final DiskSpace diskSpace;
    private final double diskSpaceWarningLevelRatio;
    private final double diskSpaceCleanForciblyRatio;
    private final ForcedCleanReporter forcedCleanReporter;
    private volatile String forcedReason = "";
    private volatile int manualDeleteFileSeveralTimes;
    private volatile boolean cleanImmediately;

    public CleanCommitLogService(Supplier<MessageStoreConfig> liveConfig, Clock clock, CommitLog commitLog, StoreState state,
                                 DiskSpace diskSpace, double diskSpaceWarningLevelRatio,
                                 double diskSpaceCleanForciblyRatio, ForcedCleanReporter forcedCleanReporter) {
        this.liveConfig = liveConfig;
        this.clock = clock;
        this.commitLog = commitLog;
        this.state = state;
        this.diskSpace = diskSpace;
        this.diskSpaceWarningLevelRatio = diskSpaceWarningLevelRatio;
        this.diskSpaceCleanForciblyRatio = diskSpaceCleanForciblyRatio;
        this.forcedCleanReporter = forcedCleanReporter;
    }

    public void executeDeleteFilesManually() {
        manualDeleteFileSeveralTimes = MANUAL_DELETE_RUNS;
        LOG.info("manual deletion of expired commit-log files requested");
    }

    /** One cleaner run; returns the number of segments deleted. */
    public int run() {
        MessageStoreConfig config = liveConfig.get();
        int deleted = deleteExpiredFiles(config);
        commitLog.retryDeleteFirstFile(config.redeleteHangedFileInterval(), clock.millis());
        return deleted;
    }

    private int deleteExpiredFiles(MessageStoreConfig config) {
        long fileReservedMillis = config.fileReservedTime() * 60L * 60 * 1000;
        boolean timeUp = isTimeToDelete(config);
        boolean spaceFull = isSpaceToDelete(config);
        boolean manual = manualDeleteFileSeveralTimes > 0;
        if (!timeUp && !spaceFull && !manual) {
            return 0;
        }
        if (manual) {
            manualDeleteFileSeveralTimes--;
        }
        boolean cleanAtOnce = config.cleanFileForciblyEnable() && cleanImmediately;
        long now = clock.millis();
        long firstUnexpired = cleanAtOnce ? firstUnexpiredSegment(fileReservedMillis, now) : -1;
        int count = commitLog.deleteExpiredFile(fileReservedMillis, config.deleteCommitLogFilesInterval(),
            config.destroyMapedFileIntervalForcibly(), cleanAtOnce, now);
        if (count > 0 || cleanAtOnce) {
            LOG.info("deleted {} commit-log segments (timeUp={} spaceFull={} manual={} cleanAtOnce={})", count, timeUp,
                spaceFull, manual, cleanAtOnce);
        }
        long newMin = commitLog.getMinOffset();
        if (firstUnexpired >= 0 && newMin > firstUnexpired) {
            forcedCleanReporter.report(firstUnexpired, newMin, forcedReason);
        }
        return count;
    }

    /** Start of the oldest segment (never the newest) not yet expired, or -1 when all are expired. */
    private long firstUnexpiredSegment(long fileReservedMillis, long now) {
        List<MappedFile> files = commitLog.getMappedFileQueue().getMappedFiles();
        for (int i = 0; i < files.size() - 1; i++) {
            MappedFile f = files.get(i);
            if (now < f.getLastModifiedTimestamp() + fileReservedMillis) {
                return f.getFileFromOffset();
            }
        }
        return -1;
    }

    private boolean isTimeToDelete(MessageStoreConfig config) {
        int hour = LocalDateTime.ofInstant(clock.instant(), clock.getZone()).getHour();
        for (String when : config.deleteWhen().split(";")) {
            String w = when.trim();
            if (w.isEmpty()) {
                continue;
            }
            try {
                if (Integer.parseInt(w) == hour) {
                    return true;
                }
            } catch (NumberFormatException e) {
                LOG.warn("deleteWhen entry '{}' is not an hour", w);
            }
        }
        return false;
    }

    private boolean isSpaceToDelete(MessageStoreConfig config) {
        double ratio = config.diskMaxUsedSpaceRatio() / 100.0;
        cleanImmediately = false;
        double physicRatio = diskSpace.usedRatio(commitLog.getMappedFileQueue().getStorePath());
        if (physicRatio > diskSpaceWarningLevelRatio) {
            if (!state.isDiskFull()) {
                LOG.error("commit-log disk is {}% full (above {}%); the store refuses writes until space is freed",
                    percent(physicRatio), percent(diskSpaceWarningLevelRatio));
            }
            state.setDiskFull(true);
            cleanImmediately = true;
            forcedReason = "commit-log disk " + percent(physicRatio) + "% full, above the warning ratio "
                + percent(diskSpaceWarningLevelRatio) + "%";
        } else {
            if (physicRatio > diskSpaceCleanForciblyRatio) {
                cleanImmediately = true;
                forcedReason = "commit-log disk " + percent(physicRatio) + "% full, above the forced-clean ratio "
                    + percent(diskSpaceCleanForciblyRatio) + "%";
            }
            if (state.isDiskFull()) {
                LOG.info("commit-log disk usage is {}%; the store accepts writes again", percent(physicRatio));
            }
            state.setDiskFull(false);
        }
        if (physicRatio < 0 || physicRatio > ratio) {
            return true;
        }
        double logicsRatio = diskSpace.usedRatio(config.storePathConsumeQueue());
        if (logicsRatio > diskSpaceCleanForciblyRatio) {
            cleanImmediately = true;
            forcedReason = "consume-queue disk " + percent(logicsRatio) + "% full, above the forced-clean ratio "
                + percent(diskSpaceCleanForciblyRatio) + "%";
        }
        return logicsRatio > ratio;
    }

    private static long percent(double ratio) {
        return Math.round(ratio * 100);
    }
}
