package org.mercurymq.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterViewTest {
    private static Map<String, Object> member(long brokerId, String commitLogMaxOffset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brokerId", brokerId);
        if (commitLogMaxOffset != null) {
            m.put("runtime", Map.of("commitLogMaxOffset", commitLogMaxOffset));
        } else {
            m.put("error", "no answer");
        }
        return m;
    }

    @Test
    void slavesGetTheBytesTheyAreBehindTheirMasterAndTheMasterNothing() {
        List<Object> members = new ArrayList<>(List.of(member(0, "5000"), member(1, "4200"), member(2, "5000"),
            member(3, null)));
        ClusterView.addReplicationLag(members);
        assertFalse(((Map<?, ?>) members.get(0)).containsKey("behindMasterBytes"));
        assertEquals(800L, ((Map<?, ?>) members.get(1)).get("behindMasterBytes"));
        assertEquals(0L, ((Map<?, ?>) members.get(2)).get("behindMasterBytes"));
        assertFalse(((Map<?, ?>) members.get(3)).containsKey("behindMasterBytes"), "a slave that did not answer");
    }

    @Test
    void withoutAnAnsweringMasterNoSlaveGetsANumber() {
        List<Object> members = new ArrayList<>(List.of(member(0, null), member(1, "4200")));
        ClusterView.addReplicationLag(members);
        assertFalse(((Map<?, ?>) members.get(1)).containsKey("behindMasterBytes"));
    }
}
