package org.mercurymq.test.hostile;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default-suite smoke of the hostile-input fault run: 20,000 frames (HostileInputChaosTest sends a million). */
class HostileInputSmokeTest {
    @TempDir
    Path dir;

    @Test
    void serversSurviveTwentyThousandHostileFrames() throws Exception {
        HostileInputRun.run(dir, 20_000, 3);
    }
}
