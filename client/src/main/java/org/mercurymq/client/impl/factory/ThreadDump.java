package org.mercurymq.client.impl.factory;

import java.util.Map;

/** Text dump of thread stacks for GET_CONSUMER_RUNNING_INFO with jstackEnable. Stateless. */
final class ThreadDump {
    private ThreadDump() {
    }

    static String of(Map<Thread, StackTraceElement[]> stacks) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> e : stacks.entrySet()) {
            Thread t = e.getKey();
            sb.append("Thread: ").append(t.getName()).append(' ').append(t.getState()).append('\n');
            for (StackTraceElement el : e.getValue()) {
                sb.append("    ").append(el).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
