package org.mercurymq.broker.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonConfigFileTest {
    @TempDir
    Path dir;

    private static Integer parse(String text) {
        if (!text.startsWith("{\"v\":")) {
            throw new IllegalArgumentException("corrupt");
        }
        return Integer.parseInt(text.substring(5, text.length() - 1));
    }

    @Test
    void writeKeepsThePreviousContentAsBackupAndLeavesNoTempFile() throws Exception {
        JsonConfigFile f = new JsonConfigFile(dir.resolve("config/x.json"));
        assertNull(f.load(JsonConfigFileTest::parse), "a fresh store has no file");
        f.write("{\"v\":1}");
        f.write("{\"v\":2}");
        assertEquals(2, f.load(JsonConfigFileTest::parse));
        assertEquals("{\"v\":1}", Files.readString(dir.resolve("config/x.json.bak")));
        assertFalse(Files.exists(dir.resolve("config/x.json.tmp")));
    }

    @Test
    void aFailedWriteKeepsThePreviousFileSaysSoAndLeavesNoTempFile() throws Exception {
        JsonConfigFile f = new JsonConfigFile(dir.resolve("x.json"));
        f.write("{\"v\":1}");
        // the write fails after the temp file is complete (like a full disk failing the backup copy)
        Files.createDirectories(dir.resolve("x.json.bak/blocker"));
        IOException e = assertThrows(IOException.class, () -> f.write("{\"v\":2}"));
        assertTrue(e.getMessage().contains("previous content is kept"), e.getMessage());
        assertEquals(1, f.load(JsonConfigFileTest::parse));
        assertFalse(Files.exists(dir.resolve("x.json.tmp")), "no partial temp file lingers");
    }

    @Test
    void corruptOrEmptyMainFileFallsBackToTheBackup() throws Exception {
        JsonConfigFile f = new JsonConfigFile(dir.resolve("x.json"));
        f.write("{\"v\":1}");
        f.write("{\"v\":2}");
        Files.write(dir.resolve("x.json"), "{\"v\":2".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, f.load(JsonConfigFileTest::parse), "torn main file: the backup wins");
        Files.write(dir.resolve("x.json"), new byte[0]);
        assertEquals(1, f.load(JsonConfigFileTest::parse), "empty main file: the backup wins");
        Files.delete(dir.resolve("x.json"));
        assertEquals(1, f.load(JsonConfigFileTest::parse), "missing main file: the backup wins");
    }

    @Test
    void aLeftOverTempFileFromACrashIsIgnored() throws Exception {
        JsonConfigFile f = new JsonConfigFile(dir.resolve("x.json"));
        f.write("{\"v\":7}");
        Files.write(dir.resolve("x.json.tmp"), "garbage".getBytes(StandardCharsets.UTF_8));
        assertEquals(7, f.load(JsonConfigFileTest::parse));
        f.write("{\"v\":8}");
        assertEquals(8, f.load(JsonConfigFileTest::parse));
    }
}
