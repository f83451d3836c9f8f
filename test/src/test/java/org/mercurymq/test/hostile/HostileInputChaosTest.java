package org.mercurymq.test.hostile;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long hostile-input fault run: a million hostile frames (override with {@code -Dhostile.frames=N},
 * repeat a run with {@code -Dhostile.seed=S}) at a NameServer and a Broker in child JVMs. Runs with -Pchaos.
 */
@Tag("chaos")
class HostileInputChaosTest {
    @TempDir
    Path dir;

    @Test
    void serversSurviveAMillionHostileFrames() throws Exception {
        HostileInputRun.run(dir, Long.getLong("hostile.frames", 1_000_000L), 4);
    }
}
