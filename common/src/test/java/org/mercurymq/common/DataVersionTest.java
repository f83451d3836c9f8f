package org.mercurymq.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.alibaba.fastjson2.JSON;
import org.junit.jupiter.api.Test;

class DataVersionTest {
    @Test
    void jsonShapeAndRoundTrip() {
        DataVersion v = new DataVersion(1700000000000L, 5);
        assertEquals("{\"counter\":5,\"timestamp\":1700000000000}", JSON.toJSONString(v));
        assertEquals(v, JSON.parseObject("{\"timestamp\":\"1700000000000\",\"counter\":5}", DataVersion.class));
    }

    @Test
    void nextVersionIncrementsCounter() {
        DataVersion v = new DataVersion(1, 5);
        DataVersion n = v.nextVersion(9);
        assertEquals(new DataVersion(9, 6), n);
        assertNotEquals(v, n);
        assertEquals(5, v.getCounter());
    }
}
