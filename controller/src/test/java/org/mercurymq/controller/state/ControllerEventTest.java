package org.mercurymq.controller.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Events survive the JSON round trip through the Raft log; garbage is refused with a reason. */
class ControllerEventTest {

    @Test
    void everyEventRoundTrips() {
        List<ControllerEvent> events = List.of(
            new ControllerEvent.ApplyBrokerId("c", "b", 3, "127.0.0.1:10911;17"),
            new ControllerEvent.RegisterBroker("c", "b", 3, "127.0.0.1:10911"),
            new ControllerEvent.ElectMaster("b", 4, BrokerGroup.NO_MASTER),
            new ControllerEvent.AlterSyncStateSet("b", 1, 2, 3, Set.of(1L, 2L)));
        for (ControllerEvent e : events) {
            assertEquals(e, ControllerEvent.decode(e.encode()));
        }
    }

    @Test
    void unknownTypeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ControllerEvent.decode("{\"type\":\"Nope\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("unknown controller event type Nope", e.getMessage());
    }

    @Test
    void aStaleElectionIsFencedAndChangesNothing() {
        ReplicaTable t = new ReplicaTable();
        t.apply(new ControllerEvent.ApplyBrokerId("c", "b", 1, "x"));
        t.apply(new ControllerEvent.ApplyBrokerId("c", "b", 2, "y"));
        assertEquals(null, t.apply(new ControllerEvent.ElectMaster("b", 0, 1)).error());
        ApplyResult stale = t.apply(new ControllerEvent.ElectMaster("b", 0, 2));
        assertEquals(org.mercurymq.remoting.protocol.controller.ControllerResponseCode.CONTROLLER_FENCED_MASTER_EPOCH,
            stale.error());
        assertEquals(1L, t.group("b").masterBrokerId());
        assertEquals(1, t.group("b").masterEpoch());
    }
}
