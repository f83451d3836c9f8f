package org.mercurymq.store.ha;

import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.store.DefaultMessageStore;
import org.mercurymq.store.MutableClock;
import org.mercurymq.store.StoreTestSupport;

/** The master's HA housekeeping follows the store clock: a silent slave is dropped when the clock moves. */
class HAHousekeepingClockTest {
    private static final int HOUSEKEEPING_MILLIS = 20_000;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private DefaultMessageStore master;

    @AfterEach
    void tearDown() {
        if (master != null) {
            master.shutdown();
        }
    }

    @Test
    void silentSlaveConnectionIsClosedOnceTheClockPassesTheHousekeepingInterval() throws Exception {
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", dir.toString());
        raw.put("mappedFileSizeCommitLog", String.valueOf(64 * 1024));
        raw.put("mappedFileSizeConsumeQueue", String.valueOf(50 * 20));
        raw.put("maxHashSlotNum", "100");
        raw.put("maxIndexNum", "400");
        raw.put("haListenPort", "0");
        raw.put("brokerRole", "ASYNC_MASTER");
        raw.put("haHousekeepingInterval", String.valueOf(HOUSEKEEPING_MILLIS));
        master = StoreTestSupport.open(StoreTestSupport.config(raw), clock);

        try (Socket slave = new Socket("127.0.0.1", master.haListenPort())) {
            OutputStream out = slave.getOutputStream();
            out.write(new byte[8]); // one offset report (0), then silence
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> master.haService().connectionCount() == 1);

            clock.advance(HOUSEKEEPING_MILLIS - 1);
            // the reader checks every 500 ms: within the interval the connection must survive several checks
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> master.haService().connectionCount() == 1);

            clock.advance(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> master.haService().connectionCount() == 0);
        }
    }
}
