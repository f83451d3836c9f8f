package org.mercurymq.tools.command.stats;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.monitor.MonitorService;
import org.mercurymq.tools.monitor.OffsetMovedEventReporter;

/**
 * {@code startMonitoring}, as RocketMQ 4.9.7's (docs/mqadmin.md): runs {@link MonitorService} until the process
 * is killed (or the calling thread interrupted); prints nothing, everything goes to the log.
 */
public class StartMonitoringSubCommand implements SubCommand {
    private final long firstDelayMillis;
    private final long periodMillis;

    /** RocketMQ's schedule: first round after 20 s, then every 60 s. */
    public StartMonitoringSubCommand() {
        this(20_000, 60_000);
    }

    public StartMonitoringSubCommand(long firstDelayMillis, long periodMillis) {
        this.firstDelayMillis = firstDelayMillis;
        this.periodMillis = periodMillis;
    }

    @Override
    public String commandName() {
        return "startMonitoring";
    }

    @Override
    public String commandDesc() {
        return "Start Monitoring";
    }

    @Override
    public Options buildOptions(Options options) {
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        DefaultMQPullConsumer pull = new DefaultMQPullConsumer("TOOLS_CONSUMER", ctx.rpcHook());
        pull.setNamesrvAddr(ctx.namesrvAddr());
        pull.setInstanceName("monitor-" + System.currentTimeMillis());
        pull.start();
        MonitorService monitor = new MonitorService(ctx.admin(), pull, firstDelayMillis, periodMillis);
        OffsetMovedEventReporter movedOffsets = new OffsetMovedEventReporter(ctx.namesrvAddr(), ctx.rpcHook(),
            "monitor-events-" + System.currentTimeMillis());
        monitor.start();
        movedOffsets.start();
        try {
            Object forever = new Object();
            synchronized (forever) {
                while (true) {
                    forever.wait();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            movedOffsets.shutdown();
            monitor.shutdown();
            pull.shutdown();
        }
    }
}
