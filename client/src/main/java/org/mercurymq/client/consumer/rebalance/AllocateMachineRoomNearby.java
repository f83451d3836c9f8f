package org.mercurymq.client.consumer.rebalance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercurymq.client.consumer.AllocateMessageQueueStrategy;
import org.mercurymq.common.message.MessageQueue;

/**
 * Prefers queues in the consumer's own machine room: the queues of each room are shared, with the wrapped strategy,
 * among the consumers of that room; the queues of a room without any consumer are shared among all consumers.
 * Rooms come from the application's {@link MachineRoomResolver}; a queue or consumer without a room is an error.
 * Thread-safe if the wrapped strategy and the resolver are.
 */
public class AllocateMachineRoomNearby extends AbstractAllocateMessageQueueStrategy {
    private final AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    private final MachineRoomResolver machineRoomResolver;

    public AllocateMachineRoomNearby(AllocateMessageQueueStrategy allocateMessageQueueStrategy,
                                     MachineRoomResolver machineRoomResolver) throws NullPointerException {
        if (allocateMessageQueueStrategy == null) {
            throw new NullPointerException("allocateMessageQueueStrategy is null");
        }
        if (machineRoomResolver == null) {
            throw new NullPointerException("machineRoomResolver is null");
        }
        this.allocateMessageQueueStrategy = allocateMessageQueueStrategy;
        this.machineRoomResolver = machineRoomResolver;
    }

    @Override
    public List<MessageQueue> allocate(String consumerGroup, String currentCID, List<MessageQueue> mqAll,
                                       List<String> cidAll) {
        List<MessageQueue> result = new ArrayList<MessageQueue>();
        if (!check(consumerGroup, currentCID, mqAll, cidAll)) {
            return result;
        }
        Map<String, List<MessageQueue>> queuesByRoom = new TreeMap<String, List<MessageQueue>>();
        for (MessageQueue mq : mqAll) {
            String room = machineRoomResolver.brokerDeployIn(mq);
            if (room == null || room.isEmpty()) {
                throw new IllegalArgumentException("Machine room is null for mq " + mq);
            }
            listOf(queuesByRoom, room).add(mq);
        }
        Map<String, List<String>> consumersByRoom = new TreeMap<String, List<String>>();
        for (String cid : cidAll) {
            String room = machineRoomResolver.consumerDeployIn(cid);
            if (room == null || room.isEmpty()) {
                throw new IllegalArgumentException("Machine room is null for consumer id " + cid);
            }
            listOf(consumersByRoom, room).add(cid);
        }
        String myRoom = machineRoomResolver.consumerDeployIn(currentCID);
        List<MessageQueue> mine = queuesByRoom.remove(myRoom);
        if (mine != null && !mine.isEmpty()) {
            result.addAll(allocateMessageQueueStrategy.allocate(consumerGroup, currentCID, mine,
                consumersByRoom.get(myRoom)));
        }
        for (Map.Entry<String, List<MessageQueue>> room : queuesByRoom.entrySet()) {
            if (!consumersByRoom.containsKey(room.getKey())) {
                // nobody consumes in that room: every consumer takes a share
                result.addAll(allocateMessageQueueStrategy.allocate(consumerGroup, currentCID, room.getValue(), cidAll));
            }
        }
        return result;
    }

    private static <T> List<T> listOf(Map<String, List<T>> map, String key) {
        List<T> list = map.get(key);
        if (list == null) {
            list = new ArrayList<T>();
            map.put(key, list);
        }
        return list;
    }

    @Override
    public String getName() {
        return "MACHINE_ROOM_NEARBY-" + allocateMessageQueueStrategy.getName();
    }

    /** Where a broker's queue and a consumer (by client id) are deployed; supplied by the application. */
    public interface MachineRoomResolver {
        String brokerDeployIn(MessageQueue messageQueue);

        String consumerDeployIn(String clientID);
    }
}
