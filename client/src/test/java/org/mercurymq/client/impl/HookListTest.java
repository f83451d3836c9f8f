package org.mercurymq.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.exception.MQClientException;

class HookListTest {
    @Test
    void callsEveryHookInRegistrationOrderAndIsolatesAFailingOne() {
        HookList<String> hooks = new HookList<>("test");
        assertTrue(hooks.isEmpty());
        hooks.register("a");
        hooks.register("boom");
        hooks.register("c");
        List<String> called = new ArrayList<>();
        hooks.callEach(h -> {
            called.add(h);
            if (h.equals("boom")) {
                throw new IllegalStateException("hook failure");
            }
        });
        assertEquals(java.util.Arrays.asList("a", "boom", "c"), called);
        assertEquals(3, hooks.size());
    }

    @Test
    void checkedCallsLetAVetoThroughAndStopThere() {
        HookList<String> hooks = new HookList<>("test");
        hooks.register("allow");
        hooks.register("deny");
        hooks.register("never");
        List<String> called = new ArrayList<>();
        MQClientException veto = new MQClientException("forbidden", null);
        MQClientException e = assertThrows(MQClientException.class, () -> hooks.callEachChecked(h -> {
            called.add(h);
            if (h.equals("deny")) {
                throw veto;
            }
        }));
        assertSame(veto, e);
        assertEquals(java.util.Arrays.asList("allow", "deny"), called);
    }

    @Test
    void nullHookIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HookList<String>("test").register(null));
    }
}
