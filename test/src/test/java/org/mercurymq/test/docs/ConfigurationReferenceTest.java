package org.mercurymq.test.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from the config tables: this test fails when the committed file differs
 * from what the tables produce, so the reference cannot drift. With {@code -Dmercury.regenerateDocs=true} it
 * writes the file instead.
 */
class ConfigurationReferenceTest {
    private static final String REGENERATE = "nice -n 10 mvn -B -o -pl test -am test -Dtest=ConfigurationReferenceTest "
        + "-Dsurefire.failIfNoSpecifiedTests=false -Dmercury.regenerateDocs=true";

    @Test
    void committedReferenceMatchesTheConfigTables() throws IOException {
        Path file = repoRoot().resolve("docs").resolve("configuration.md");
        String expected = ConfigurationReference.render();
        if (Boolean.getBoolean("mercury.regenerateDocs")) {
            Files.write(file, expected.getBytes(StandardCharsets.UTF_8));
            System.out.println("regenerated " + file);
        }
        String committed = Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        assertEquals(expected, committed, "docs/configuration.md is out of date with the config tables; regenerate it "
            + "with: " + REGENERATE);
    }

    private static Path repoRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        // surefire runs in the module directory (test/); the docs live one level up
        return Files.isDirectory(dir.resolve("docs")) ? dir : dir.getParent();
    }
}
