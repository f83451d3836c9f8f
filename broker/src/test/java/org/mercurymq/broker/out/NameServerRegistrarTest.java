package org.mercurymq.broker.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;

class NameServerRegistrarTest {
    private static final TopicConfigSerializeWrapper TOPICS = new TopicConfigSerializeWrapper(
        Map.of("T", new TopicConfig("T", 4, 4, 6), "TBW102", new TopicConfig("TBW102", 8, 8, 7)), new DataVersion(1, 2));

    @Test
    void aReadWriteBrokerRegistersItsTopicsAsTheyAre() {
        assertSame(TOPICS, NameServerRegistrar.topicsToRegister(TOPICS, 6));
    }

    @Test
    void aBrokerThatIsNotReadWriteRegistersEveryTopicWithItsOwnPermission() {
        TopicConfigSerializeWrapper readOnly = NameServerRegistrar.topicsToRegister(TOPICS, 4);
        assertEquals(4, readOnly.getTopicConfigTable().get("T").getPerm());
        assertEquals(4, readOnly.getTopicConfigTable().get("TBW102").getPerm());
        assertEquals(8, readOnly.getTopicConfigTable().get("TBW102").getWriteQueueNums());
        assertEquals(new DataVersion(1, 2), readOnly.getDataVersion());
    }

    @Test
    void thePeriodIsClampedToTenToSixtySeconds() {
        assertEquals(10_000, NameServerRegistrar.clampPeriod(1000));
        assertEquals(30_000, NameServerRegistrar.clampPeriod(30_000));
        assertEquals(60_000, NameServerRegistrar.clampPeriod(600_000));
    }
}
