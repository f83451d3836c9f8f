package org.mercurymq.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileEditorTest {
    @TempDir
    Path dir;

    private static Map<String, String> updates(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void replacesInPlaceKeepsCommentsOrderAndUnknownLinesAndAppendsNewKeys() {
        String original = "# broker a\n\nbrokerName = broker-a\n! old style comment\nfileReservedTime:72\n"
            + "someUnknownKey=1\ndeleteWhen 04\n";
        String edited = ConfigFileEditor.rewrite(original, updates("fileReservedTime", "48", "deleteWhen", "01;13",
            "diskMaxUsedSpaceRatio", "80"));
        assertEquals("# broker a\n\nbrokerName = broker-a\n! old style comment\nfileReservedTime=48\n"
            + "someUnknownKey=1\ndeleteWhen=01;13\ndiskMaxUsedSpaceRatio=80\n", edited);
    }

    @Test
    void aContinuedValueIsReplacedWholeAndEveryOccurrenceChanges() throws IOException {
        String original = "messageDelayLevel=1s 5s \\\n  10s\nflushIntervalCommitLog=500\r\nflushIntervalCommitLog=600";
        String edited = ConfigFileEditor.rewrite(original, updates("messageDelayLevel", "1s 2s", "flushIntervalCommitLog",
            "1000"));
        assertEquals("messageDelayLevel=1s 2s\nflushIntervalCommitLog=1000\r\nflushIntervalCommitLog=1000\r\n", edited);
        Properties p = new Properties();
        p.load(new StringReader(edited));
        assertEquals("1s 2s", p.getProperty("messageDelayLevel"));
    }

    @Test
    void valuesThatPropertiesWouldReadDifferentlyAreEscaped() throws IOException {
        String edited = ConfigFileEditor.rewrite("", updates("storePathRootDir", "C:\\store", "regionId", " lead"));
        Properties p = new Properties();
        p.load(new StringReader(edited));
        assertEquals("C:\\store", p.getProperty("storePathRootDir"));
        assertEquals(" lead", p.getProperty("regionId"));
    }

    @Test
    void updateReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("broker.conf");
        Files.write(file, "# keep\nfileReservedTime=72\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigFileEditor.update(file, updates("fileReservedTime", "0"));
        assertEquals("# keep\nfileReservedTime=0\n", new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        assertEquals(1, dir.toFile().list().length);
    }
}
