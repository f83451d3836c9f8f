package org.mercurymq.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendBufferTest {
    private static Map<String, Long> point(Object... nameValue) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], (Long) nameValue[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(TrendBuffer b, int series) {
        List<Object> list = (List<Object>) b.toJson().get("series");
        return (List<Object>) ((Map<String, Object>) list.get(series)).get("values");
    }

    @Test
    void aSeriesThatAppearsLaterHasGapsBeforeAndTheWindowKeepsTheNewest() {
        TrendBuffer b = new TrendBuffer(3);
        b.add(10, point("a", 1L));
        b.add(11, point("a", 2L, "b", 5L));
        b.add(12, point("b", 6L));
        assertEquals(Arrays.asList(10L, 11L, 12L), b.toJson().get("times"));
        assertEquals(Arrays.asList(1L, 2L, null), values(b, 0));
        assertEquals(Arrays.asList(null, 5L, 6L), values(b, 1));

        b.add(13, point("b", 7L));
        b.add(14, point("b", 8L));
        assertEquals(3, b.size());
        assertEquals(Arrays.asList(12L, 13L, 14L), b.toJson().get("times"));
        // "a" has no value left in the window: it is gone
        assertEquals(1, ((List<?>) b.toJson().get("series")).size());
        assertEquals(Arrays.asList(6L, 7L, 8L), values(b, 0));
    }
}
