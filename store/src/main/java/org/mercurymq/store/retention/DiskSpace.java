package org.mercurymq.store.retention;

import java.io.File;

/** Reports how full the partition holding a path is. Implementations must be thread-safe. */
public interface DiskSpace {
    /** Used fraction 0..1 of the partition holding {@code path}, or -1 when unknown. */
    double usedRatio(String path);

    /** Bytes this process may still write on the partition holding {@code path}, or -1 when unknown. */
    default long usableBytes(String path) {
        File file = new File(path);
        while (file != null && !file.exists()) {
            file = file.getParentFile();
        }
        return file == null ? -1 : file.getUsableSpace();
    }

    /** The real file system. */
    DiskSpace FILE_SYSTEM = path -> {
        File file = new File(path);
        while (file != null && !file.exists()) {
            file = file.getParentFile();
        }
        if (file == null) {
            return -1;
        }
        long total = file.getTotalSpace();
        long free = file.getFreeSpace();
        if (total <= 0) {
            return -1;
        }
        return (double) (total - free) / total;
    };
}
