package org.mercurymq.tools.command;

import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.tools.admin.MQAdminException;

/**
 * The producer and pull consumer that message commands (sendMessage, printMsg, ...) use: on the command's name
 * servers, signed like the admin session (docs/security.md), each with an instance name of its own so that
 * commands run in one JVM (tests) never share a client instance. Callers start and shut them down. Stateless.
 */
public final class ToolClients {
    private static final AtomicLong SEQ = new AtomicLong();

    private ToolClients() {
    }

    public static DefaultMQPullConsumer pullConsumer(CommandContext ctx, String group) throws MQAdminException {
        DefaultMQPullConsumer c = new DefaultMQPullConsumer(group, ToolsCredentials.hook(System.getenv()));
        c.setNamesrvAddr(ctx.admin().getNamesrvAddr());
        c.setInstanceName(instanceName());
        return c;
    }

    public static DefaultMQProducer producer(CommandContext ctx, String group, boolean msgTrace) throws MQAdminException {
        DefaultMQProducer p = new DefaultMQProducer(group, ToolsCredentials.hook(System.getenv()), msgTrace, null);
        p.setNamesrvAddr(ctx.admin().getNamesrvAddr());
        p.setInstanceName(instanceName());
        return p;
    }

    /** RocketMQ's tools name their clients by the current time; the counter keeps same-millisecond runs apart. */
    private static String instanceName() {
        return System.currentTimeMillis() + "-" + SEQ.incrementAndGet();
    }
}
