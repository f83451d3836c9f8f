package org.mercurymq.store.ha.epoch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The epoch file's format, append rule and backup; the truncation point of a returning replica. */
class EpochFileTest {
    @TempDir
    Path dir;

    @Test
    void appendsPersistAndReload() throws Exception {
        Path p = dir.resolve("epochFileCheckpoint");
        EpochFile f = new EpochFile(p);
        f.load();
        assertTrue(f.append(1, 0));
        assertTrue(f.append(2, 1000));
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        assertEquals("2", lines.get(0));
        assertEquals(List.of("1-0", "2-1000"), lines.subList(2, 4));
        EpochFile again = new EpochFile(p);
        again.load();
        assertEquals(List.of(new EpochEntry(1, 0), new EpochEntry(2, 1000)), again.entries());
        assertEquals(2, again.lastEpoch());
    }

    @Test
    void appendRuleRefusesOlderEpochsAndReplacesAnEmptyTerm() {
        EpochFile f = new EpochFile(dir.resolve("e"));
        f.load();
        f.append(2, 500);
        assertFalse(f.append(2, 600), "same epoch");
        assertFalse(f.append(3, 400), "offset going back");
        assertTrue(f.append(3, 500), "nothing written in epoch 2: epoch 3 replaces it");
        assertEquals(List.of(new EpochEntry(3, 500)), f.entries());
    }

    @Test
    void aCorruptFileFallsBackToItsBackup() throws Exception {
        Path p = dir.resolve("e");
        EpochFile f = new EpochFile(p);
        f.load();
        f.append(1, 0);
        f.append(2, 100);
        Files.write(p, "2\n12345\n1-0\n2-100\n".getBytes(StandardCharsets.UTF_8)); // wrong CRC
        EpochFile reloaded = new EpochFile(p);
        reloaded.load();
        assertEquals(List.of(new EpochEntry(1, 0)), reloaded.entries(), "the backup holds the state before the last write");
    }

    @Test
    void truncationPointOfTheWorkedExample() {
        // A was master in epoch 2 from 1000 and wrote to 1500; B copied to 1300, won epoch 3 at 1300, wrote to 2000
        List<EpochEntry> a = List.of(new EpochEntry(1, 0), new EpochEntry(2, 1000));
        List<EpochEntry> b = List.of(new EpochEntry(1, 0), new EpochEntry(2, 1000), new EpochEntry(3, 1300));
        assertEquals(1300, EpochFile.consistentPoint(a, 1500, b, 2000));
        assertEquals(0, EpochFile.consistentPoint(List.of(), 0, b, 2000), "an empty replica copies from 0");
        assertEquals(-1, EpochFile.consistentPoint(List.of(new EpochEntry(7, 5)), 10, b, 2000), "nothing shared");
        assertEquals(900, EpochFile.consistentPoint(a, 900, b, 2000), "a replica behind the master keeps all it has");
    }

    @Test
    void truncateFromDropsTermsStartingAtOrAfterTheCut() {
        EpochFile f = new EpochFile(dir.resolve("e"));
        f.load();
        f.append(1, 0);
        f.append(2, 1000);
        f.append(4, 1300);
        f.truncateFrom(1300);
        assertEquals(List.of(new EpochEntry(1, 0), new EpochEntry(2, 1000)), f.entries());
    }
}
