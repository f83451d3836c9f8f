package org.mercurymq.namesrv.kvconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KVConfigManagerTest {
    @TempDir
    Path dir;

    @Test
    void persistsAndReloads() throws IOException {
        Path file = dir.resolve("namesrv/kvConfig.json");
        KVConfigManager kv = new KVConfigManager(file);
        kv.load();
        kv.putKVConfig("ORDER_TOPIC_CONFIG", "T1", "broker-a:4");
        kv.putKVConfig("ns", "k", "v");
        kv.putKVConfig("ns", "k2", "v2");
        kv.deleteKVConfig("ns", "k2");
        assertEquals("{\"configTable\":{\"ORDER_TOPIC_CONFIG\":{\"T1\":\"broker-a:4\"},\"ns\":{\"k\":\"v\"}}}",
            Files.readString(file, StandardCharsets.UTF_8));
        assertTrue(Files.notExists(file.resolveSibling("kvConfig.json.tmp")));

        KVConfigManager reloaded = new KVConfigManager(file);
        reloaded.load();
        assertEquals("broker-a:4", reloaded.getKVConfig("ORDER_TOPIC_CONFIG", "T1"));
        assertEquals(Map.of("k", "v"), reloaded.getKVListByNamespace("ns"));
        assertNull(reloaded.getKVConfig("ns", "k2"));
        assertNull(reloaded.getKVListByNamespace("absent"));
    }

    @Test
    void deletingLastKeyRemovesNamespace() throws IOException {
        KVConfigManager kv = new KVConfigManager(dir.resolve("kv.json"));
        kv.putKVConfig("ns", "k", "v");
        kv.deleteKVConfig("ns", "k");
        assertNull(kv.getKVListByNamespace("ns"));
        kv.deleteKVConfig("ns", "k");
    }

    @Test
    void missingFileStartsEmptyAndCorruptFileIsAnError() throws IOException {
        KVConfigManager empty = new KVConfigManager(dir.resolve("none.json"));
        empty.load();
        assertNull(empty.getKVListByNamespace("ns"));

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"configTable\":{");
        IOException e = assertThrows(IOException.class, () -> new KVConfigManager(bad).load());
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }

    @Test
    void failedWriteLeavesStateUnchanged() throws IOException {
        Path file = dir.resolve("kv.json");
        KVConfigManager kv = new KVConfigManager(file);
        kv.putKVConfig("ns", "k", "v");
        // a directory where the temp file must go makes the write fail
        Files.createDirectory(dir.resolve("kv.json.tmp"));
        assertThrows(UncheckedIOException.class, () -> kv.putKVConfig("ns", "k", "changed"));
        assertEquals("v", kv.getKVConfig("ns", "k"));
        assertTrue(Files.readString(file).contains("\"v\""));
    }
}
