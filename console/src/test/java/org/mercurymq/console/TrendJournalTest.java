package org.mercurymq.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendJournalTest {
    @TempDir
    Path dir;

    @Test
    void aNewBufferOnTheSameFileStartsWithTheSamplesOfTheOldOne() {
        Path file = dir.resolve("sub").resolve("lag.jsonl");
        TrendBuffer first = new TrendBuffer(10, TrendJournal.at(file), 0);
        first.add(100, Map.of("g1", 5L));
        first.add(101, Map.of("g1", 6L, "g2", 1L));
        first.close();

        TrendBuffer second = new TrendBuffer(10, TrendJournal.at(file), 0);
        assertEquals(Arrays.asList(100L, 101L), second.toJson().get("times"));
        assertEquals(List.of(new TrendJournal.Sample(100, Map.of("g1", 5L)),
            new TrendJournal.Sample(101, Map.of("g1", 6L, "g2", 1L))), second.samples());
        second.add(102, Map.of("g2", 2L));
        second.close();
        assertEquals(3, new TrendBuffer(10, TrendJournal.at(file), 0).size());
    }

    @Test
    void samplesOlderThanTheWindowAndATornLastLineAreLeftOut() throws Exception {
        Path file = dir.resolve("t.jsonl");
        Files.writeString(file, "{\"t\":10,\"v\":{\"a\":1}}\n{\"t\":20,\"v\":{\"a\":2}}\n{\"t\":30,\"v\":{\"a\"",
            StandardCharsets.UTF_8);
        TrendBuffer b = new TrendBuffer(10, TrendJournal.at(file), 15);
        assertEquals(List.of(20L), b.toJson().get("times"));
    }

    @Test
    void theFileIsRewrittenToTheWindowOnceItHoldsTwiceTheCapacity() throws Exception {
        Path file = dir.resolve("t.jsonl");
        TrendBuffer b = new TrendBuffer(3, TrendJournal.at(file), 0);
        for (int t = 1; t <= 6; t++) {
            b.add(t, Map.of("a", (long) t));
        }
        assertEquals(6, Files.readAllLines(file).size());
        b.add(7, Map.of("a", 7L));
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"t\":5"), lines.toString());
        b.add(8, Map.of("a", 8L));
        b.close();
        assertEquals(Arrays.asList(6L, 7L, 8L), new TrendBuffer(3, TrendJournal.at(file), 0).toJson().get("times"));
    }

    @Test
    void aJournalThatCannotWriteLeavesTheBufferWorkingInMemory() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        TrendBuffer b = new TrendBuffer(3, TrendJournal.at(notADir.resolve("t.jsonl")), 0);
        b.add(1, Map.of("a", 1L));
        b.add(2, Map.of("a", 2L));
        assertEquals(2, b.size());
    }

    @Test
    void aSecondConsoleOnTheSameDirectoryKeepsItsHistoryInMemory() {
        HistoryDirectory first = HistoryDirectory.open(dir, "127.0.0.1:9876;127.0.0.2:9876");
        HistoryDirectory second = HistoryDirectory.open(dir, "127.0.0.1:9876;127.0.0.2:9876");
        try {
            first.journal("x").append(1, Map.of("a", 1L));
            second.journal("x").append(2, Map.of("a", 2L));
            assertTrue(Files.isRegularFile(dir.resolve("127.0.0.1_9876_127.0.0.2_9876").resolve("x.jsonl")));
            assertEquals(1, TrendJournal.at(dir.resolve("127.0.0.1_9876_127.0.0.2_9876").resolve("x.jsonl"))
                .replay(0).size());
        } finally {
            first.close();
            second.close();
        }
    }
}
