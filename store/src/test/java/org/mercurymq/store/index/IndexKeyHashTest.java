package org.mercurymq.store.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index hash of a topic and key, computed without the "topic#key" string, is the hash of that string. */
class IndexKeyHashTest {
    @Test
    void equalsTheHashOfTheJoinedString() {
        String[][] cases = {
            {"TopicTest", "7F0000010A3A18B4AAC27E1F7C2E0000"}, {"t", ""}, {"", "k"}, {"%RETRY%group", "order 42"},
            {"\u4e3b\u9898", "\u952e-\u00e9"}, {"TopicTest", "x".repeat(300)},
        };
        for (String[] c : cases) {
            assertEquals(IndexFile.keyHash(c[0] + "#" + c[1]), IndexFile.keyHash(c[0], c[1]), c[0] + "#" + c[1]);
        }
        Random r = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            String topic = random(r, 1 + r.nextInt(40));
            String key = random(r, r.nextInt(80));
            assertEquals(IndexFile.keyHash(topic + "#" + key), IndexFile.keyHash(topic, key), topic + "#" + key);
        }
    }

    private static String random(Random r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(r.nextInt(4) == 0 ? (char) (0x80 + r.nextInt(0x7000)) : (char) (' ' + r.nextInt(95)));
        }
        return sb.toString();
    }
}
