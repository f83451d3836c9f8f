package org.mercurymq.test.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The classes and methods added to close the API-surface gaps give the same answers as the official 4.9.7 ones on
 * the same input: machine-room-nearby and consistent-hash allocation (randomised layouts), tag-form parsing, the
 * time-out exception's message; the int response codes follow Mercury's code table.
 */
class AddedApiParityTest {
    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    private static final String[] ROOMS = {"hz", "sh", "bj"};

    /** Brokers "room-brokerN", consumers "room@N": the resolver both sides use. */
    private static String room(String name) {
        return name.split("[-@]")[0];
    }

    @Test
    void machineRoomNearbyAllocatesLikeRocketMQ() {
        org.apache.rocketmq.client.consumer.rebalance.AllocateMachineRoomNearby apache =
            new org.apache.rocketmq.client.consumer.rebalance.AllocateMachineRoomNearby(
                new org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragelyByCircle(),
                new org.apache.rocketmq.client.consumer.rebalance.AllocateMachineRoomNearby.MachineRoomResolver() {
                    @Override
                    public String brokerDeployIn(org.apache.rocketmq.common.message.MessageQueue mq) {
                        return room(mq.getBrokerName());
                    }

                    @Override
                    public String consumerDeployIn(String clientID) {
                        return room(clientID);
                    }
                });
        org.mercurymq.client.consumer.rebalance.AllocateMachineRoomNearby mercury =
            new org.mercurymq.client.consumer.rebalance.AllocateMachineRoomNearby(
                new org.mercurymq.client.consumer.rebalance.AllocateMessageQueueAveragelyByCircle(),
                new org.mercurymq.client.consumer.rebalance.AllocateMachineRoomNearby.MachineRoomResolver() {
                    @Override
                    public String brokerDeployIn(org.mercurymq.common.message.MessageQueue mq) {
                        return room(mq.getBrokerName());
                    }

                    @Override
                    public String consumerDeployIn(String clientID) {
                        return room(clientID);
                    }
                });
        assertEquals(apache.getName(), mercury.getName());
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> brokers = new ArrayList<>();
            for (int b = 0, n = 1 + random.nextInt(4); b < n; b++) {
                brokers.add(ROOMS[random.nextInt(ROOMS.length)] + "-broker" + b);
            }
            int queuesPerBroker = 1 + random.nextInt(8);
            List<String> cids = new ArrayList<>();
            for (int c = 0, n = 1 + random.nextInt(5); c < n; c++) {
                cids.add(ROOMS[random.nextInt(ROOMS.length)] + "@" + c);
            }
            for (String cid : cids) {
                assertEquals(names(apache.allocate("g", cid, apacheQueues(brokers, queuesPerBroker), cids)),
                    mercuryNames(mercury.allocate("g", cid, mercuryQueues(brokers, queuesPerBroker), cids)),
                    "brokers " + brokers + " x" + queuesPerBroker + ", consumers " + cids + ", as " + cid);
            }
        }
    }

    @Test
    void consistentHashWithAnApplicationHashFunctionAllocatesLikeRocketMQ() {
        org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueConsistentHash apache =
            new org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueConsistentHash(5, key -> key.hashCode());
        org.mercurymq.client.consumer.rebalance.AllocateMessageQueueConsistentHash mercury =
            new org.mercurymq.client.consumer.rebalance.AllocateMessageQueueConsistentHash(5, key -> key.hashCode());
        List<String> brokers = List.of("hz-broker0", "sh-broker1");
        List<String> cids = List.of("a@1", "b@2", "c@3");
        for (String cid : cids) {
            assertEquals(names(apache.allocate("g", cid, apacheQueues(brokers, 8), cids)),
                mercuryNames(mercury.allocate("g", cid, mercuryQueues(brokers, 8), cids)), cid);
        }
    }

    @Test
    void tagFormAndTimeoutMessageAreTheSame() {
        for (int flag = 0; flag < 16; flag++) {
            assertEquals(org.apache.rocketmq.common.message.MessageExt.parseTopicFilterType(flag).name(),
                org.mercurymq.common.message.MessageExt.parseTopicFilterType(flag).name());
        }
        assertEquals(new org.apache.rocketmq.remoting.exception.RemotingTimeoutException("10.0.0.1:10911", 3000).getMessage(),
            new org.mercurymq.remoting.exception.RemotingTimeoutException("10.0.0.1:10911", 3000).getMessage());
        assertEquals(org.apache.rocketmq.common.message.MessageClientIDSetter.createFakeIP().length,
            org.mercurymq.common.message.MessageClientIDSetter.createFakeIP().length);
    }

    @Test
    void machineRoomNearbyRefusesLikeRocketMQ() {
        NullPointerException a = assertThrows(NullPointerException.class,
            () -> new org.apache.rocketmq.client.consumer.rebalance.AllocateMachineRoomNearby(null, null));
        NullPointerException m = assertThrows(NullPointerException.class,
            () -> new org.mercurymq.client.consumer.rebalance.AllocateMachineRoomNearby(null, null));
        assertEquals(a.getMessage(), m.getMessage());
    }

    /** The int constants applications compare with are the codes of Mercury's own table, name for name. */
    @Test
    void intResponseCodesAreTheCodeTable() throws Exception {
        int fields = 0;
        for (java.lang.reflect.Field f : org.mercurymq.common.protocol.ResponseCode.class.getFields()) {
            assertEquals(org.mercurymq.remoting.protocol.ResponseCode.valueOf(f.getName()).code(), f.getInt(null),
                f.getName());
            fields++;
        }
        assertEquals(org.mercurymq.remoting.protocol.ResponseCode.values().length, fields);
    }

    private static List<org.apache.rocketmq.common.message.MessageQueue> apacheQueues(List<String> brokers, int n) {
        List<org.apache.rocketmq.common.message.MessageQueue> out = new ArrayList<>();
        for (String b : brokers) {
            for (int i = 0; i < n; i++) {
                out.add(new org.apache.rocketmq.common.message.MessageQueue("T", b, i));
            }
        }
        return out;
    }

    private static List<org.mercurymq.common.message.MessageQueue> mercuryQueues(List<String> brokers, int n) {
        List<org.mercurymq.common.message.MessageQueue> out = new ArrayList<>();
        for (String b : brokers) {
            for (int i = 0; i < n; i++) {
                out.add(new org.mercurymq.common.message.MessageQueue("T", b, i));
            }
        }
        return out;
    }

    private static List<String> names(List<org.apache.rocketmq.common.message.MessageQueue> mqs) {
        List<String> out = new ArrayList<>();
        mqs.forEach(mq -> out.add(mq.getBrokerName() + ":" + mq.getQueueId()));
        return out;
    }

    private static List<String> mercuryNames(List<org.mercurymq.common.message.MessageQueue> mqs) {
        List<String> out = new ArrayList<>();
        mqs.forEach(mq -> out.add(mq.getBrokerName() + ":" + mq.getQueueId()));
        return out;
    }
}
