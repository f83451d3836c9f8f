package org.mercurymq.tools.command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mercurymq.remoting.exception.RemotingConnectException;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.tools.admin.MQAdminException;
import org.mercurymq.tools.command.controller.ElectMasterSubCommand;
import org.mercurymq.tools.command.controller.GetBrokerEpochSubCommand;
import org.mercurymq.tools.command.controller.GetControllerMetaDataSubCommand;
import org.mercurymq.tools.command.controller.GetSyncStateSetSubCommand;
import org.mercurymq.tools.command.broker.SendMsgStatusCommand;
import org.mercurymq.tools.command.cluster.CLusterSendMsgRTCommand;
import org.mercurymq.tools.command.consumer.GetConsumerConfigSubCommand;
import org.mercurymq.tools.command.message.CheckMsgSendRTCommand;
import org.mercurymq.tools.command.message.ConsumeMessageCommand;
import org.mercurymq.tools.command.message.PrintMessageByQueueCommand;
import org.mercurymq.tools.command.message.PrintMessageSubCommand;
import org.mercurymq.tools.command.message.QueryMsgByOffsetSubCommand;
import org.mercurymq.tools.command.message.QueryMsgTraceByIdSubCommand;
import org.mercurymq.tools.command.message.SendMessageCommand;
import org.mercurymq.tools.command.offset.CloneGroupOffsetCommand;
import org.mercurymq.tools.command.offset.SkipAccumulationSubCommand;
import org.mercurymq.tools.command.topic.AllocateMQSubCommand;
import org.mercurymq.tools.command.topic.TopicClusterSubCommand;
import org.mercurymq.tools.command.topic.UpdateOrderConfCommand;
import org.mercurymq.tools.command.topic.UpdateTopicPermSubCommand;
import org.mercurymq.tools.command.acl.ClusterAclConfigVersionListSubCommand;
import org.mercurymq.tools.command.acl.DeleteAccessConfigSubCommand;
import org.mercurymq.tools.command.acl.GetAccessConfigSubCommand;
import org.mercurymq.tools.command.acl.UpdateAccessConfigSubCommand;
import org.mercurymq.tools.command.acl.UpdateGlobalWhiteAddrSubCommand;
import org.mercurymq.tools.command.broker.CleanExpiredCQSubCommand;
import org.mercurymq.tools.command.broker.CleanUnusedTopicCommand;
import org.mercurymq.tools.command.broker.DeleteExpiredCommitLogSubCommand;
import org.mercurymq.tools.command.broker.BrokerStatusSubCommand;
import org.mercurymq.tools.command.broker.GetBrokerConfigCommand;
import org.mercurymq.tools.command.broker.UpdateBrokerConfigSubCommand;
import org.mercurymq.tools.command.cluster.ClusterListSubCommand;
import org.mercurymq.tools.command.connection.ConsumerConnectionSubCommand;
import org.mercurymq.tools.command.connection.ProducerConnectionSubCommand;
import org.mercurymq.tools.command.consumer.ConsumerProgressSubCommand;
import org.mercurymq.tools.command.consumer.DeleteSubscriptionGroupCommand;
import org.mercurymq.tools.command.consumer.UpdateSubGroupSubCommand;
import org.mercurymq.tools.command.message.QueryMsgByIdSubCommand;
import org.mercurymq.tools.command.message.QueryMsgByKeySubCommand;
import org.mercurymq.tools.command.message.QueryMsgByUniqueKeySubCommand;
import org.mercurymq.tools.command.export.ExportConfigsCommand;
import org.mercurymq.tools.command.export.ExportMetadataCommand;
import org.mercurymq.tools.command.export.ExportMetricsCommand;
import org.mercurymq.tools.command.stats.StartMonitoringSubCommand;
import org.mercurymq.tools.command.namesrv.AddWritePermSubCommand;
import org.mercurymq.tools.command.namesrv.DeleteKvConfigCommand;
import org.mercurymq.tools.command.namesrv.GetNamesrvConfigCommand;
import org.mercurymq.tools.command.namesrv.UpdateKvConfigCommand;
import org.mercurymq.tools.command.namesrv.UpdateNamesrvConfigCommand;
import org.mercurymq.tools.command.namesrv.WipeWritePermSubCommand;
import org.mercurymq.tools.command.offset.ResetOffsetByTimeCommand;
import org.mercurymq.tools.command.stats.BrokerConsumeStatsSubCommand;
import org.mercurymq.tools.command.stats.ConsumerStatusSubCommand;
import org.mercurymq.tools.command.stats.ProducerSubCommand;
import org.mercurymq.tools.command.stats.StatsAllSubCommand;
import org.mercurymq.tools.command.topic.DeleteTopicSubCommand;
import org.mercurymq.tools.command.topic.QueryConsumeQueueCommand;
import org.mercurymq.tools.command.topic.TopicListSubCommand;
import org.mercurymq.tools.command.topic.TopicRouteSubCommand;
import org.mercurymq.tools.command.topic.TopicStatusSubCommand;
import org.mercurymq.tools.command.topic.UpdateTopicSubCommand;

/**
 * {@code mqadmin <command> [options]}: parses the command line, runs one command and turns its outcome into an
 * exit code (0 done, 1 failed). {@link #run} does everything but exiting, so tests call it in-process;
 * {@link #main} alone calls {@code System.exit}.
 */
public final class MQAdminStartup {
    /** Admin request time-out; RocketMQ's tools use the same 5 s. */
    static final long TIMEOUT_MILLIS = 5000;
    private static final int HELP_WIDTH = 110;

    private static final List<SubCommand> COMMANDS = Collections.unmodifiableList(Arrays.asList(
        new UpdateTopicSubCommand(),
        new DeleteTopicSubCommand(),
        new UpdateSubGroupSubCommand(),
        new DeleteSubscriptionGroupCommand(),
        new UpdateBrokerConfigSubCommand(),
        new TopicRouteSubCommand(),
        new TopicStatusSubCommand(),
        new BrokerStatusSubCommand(),
        new QueryMsgByIdSubCommand(),
        new QueryMsgByKeySubCommand(),
        new QueryMsgByUniqueKeySubCommand(),
        new ProducerConnectionSubCommand(),
        new ConsumerConnectionSubCommand(),
        new ConsumerProgressSubCommand(),
        new ClusterListSubCommand(),
        new TopicListSubCommand(),
        new UpdateKvConfigCommand(),
        new DeleteKvConfigCommand(),
        new WipeWritePermSubCommand(),
        new AddWritePermSubCommand(),
        new ResetOffsetByTimeCommand(),
        new GetNamesrvConfigCommand(),
        new UpdateNamesrvConfigCommand(),
        new GetBrokerConfigCommand(),
        new UpdateAccessConfigSubCommand(),
        new DeleteAccessConfigSubCommand(),
        new UpdateGlobalWhiteAddrSubCommand(),
        new ClusterAclConfigVersionListSubCommand(),
        new GetAccessConfigSubCommand(),
        // topic, offset, message and RT commands (docs/mqadmin.md)
        new UpdateTopicPermSubCommand(),
        new TopicClusterSubCommand(),
        new UpdateOrderConfCommand(),
        new AllocateMQSubCommand(),
        new CloneGroupOffsetCommand(),
        new SkipAccumulationSubCommand(),
        new GetConsumerConfigSubCommand(),
        new QueryMsgByOffsetSubCommand(),
        new QueryMsgTraceByIdSubCommand(),
        new PrintMessageSubCommand(),
        new PrintMessageByQueueCommand(),
        new SendMessageCommand(),
        new ConsumeMessageCommand(),
        new CheckMsgSendRTCommand(),
        new SendMsgStatusCommand(),
        new CLusterSendMsgRTCommand(),
        // statistics commands (docs/statistics.md)
        new BrokerConsumeStatsSubCommand(),
        new ProducerSubCommand(),
        new ConsumerStatusSubCommand(),
        new StatsAllSubCommand(),
        // store maintenance and export commands (docs/mqadmin.md)
        new CleanExpiredCQSubCommand(),
        new DeleteExpiredCommitLogSubCommand(),
        new CleanUnusedTopicCommand(),
        new QueryConsumeQueueCommand(),
        new ExportMetadataCommand(),
        new ExportConfigsCommand(),
        new ExportMetricsCommand(),
        new StartMonitoringSubCommand(),
        new GetControllerMetaDataSubCommand(),
        new GetSyncStateSetSubCommand(),
        new ElectMasterSubCommand(),
        new GetBrokerEpochSubCommand()));

    private MQAdminStartup() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static List<SubCommand> commands() {
        return COMMANDS;
    }

    /** Runs {@code mqadmin args...}, printing to {@code out} and errors to {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || (args.length == 1 && isHelpWord(args[0]))) {
            printCommandList(out);
            return 0;
        }
        if (isHelpWord(args[0])) {
            SubCommand cmd = find(args[1]);
            if (cmd == null) {
                return unknownCommand(args[1], err);
            }
            printUsage(cmd, baseOptions(cmd), out);
            return 0;
        }
        SubCommand cmd = find(args[0]);
        if (cmd == null) {
            return unknownCommand(args[0], err);
        }
        Options options = baseOptions(cmd);
        CommandLine line;
        try {
            line = new DefaultParser().parse(options, Arrays.copyOfRange(args, 1, args.length));
        } catch (ParseException e) {
            if (Arrays.asList(args).contains("-h") || Arrays.asList(args).contains("--help")) {
                printUsage(cmd, options, out);
                return 0;
            }
            err.println("mqadmin " + cmd.commandName() + ": " + e.getMessage());
            printUsage(cmd, options, err);
            return 1;
        }
        if (line.hasOption('h')) {
            printUsage(cmd, options, out);
            return 0;
        }
        String badAddress = badNamesrvAddr(CliOptions.value(line, "n"));
        if (badAddress != null) {
            err.println("mqadmin " + cmd.commandName() + ": " + badAddress);
            return 1;
        }
        try (CommandContext context = new CommandContext(out, CliOptions.value(line, "n"), TIMEOUT_MILLIS)) {
            cmd.execute(line, options, context);
            out.flush();
            return 0;
        } catch (Exception e) {
            out.flush();
            err.println("mqadmin " + cmd.commandName() + " failed: " + describe(e));
            if (!isExpected(e)) {
                e.printStackTrace(err);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }
    }

    /** One line for the operator. */
    static String describe(Throwable e) {
        if (e instanceof RemotingConnectException) {
            return "cannot connect: " + e.getMessage();
        }
        if (e instanceof RemotingTimeoutException) {
            // a peer that is not a RocketMQ/Mercury daemon (an HTTP server, a wrong port) never answers a frame
            return "no answer in time: " + e.getMessage() + " (is that address a name server or broker?)";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static boolean isExpected(Throwable e) {
        return e instanceof SubCommandException || e instanceof MQAdminException || e instanceof RemotingException
            || e instanceof InterruptedException;
    }

    /**
     * Why a {@code -n} value cannot work, or null when every address is host:port. RocketMQ's tools need the port
     * too; catching it here gives one line instead of a failure deep in the connection code.
     */
    static String badNamesrvAddr(String addrs) {
        if (addrs == null) {
            return null;
        }
        for (String a : addrs.split(";")) {
            String addr = a.trim();
            int colon = addr.lastIndexOf(':');
            String port = colon < 0 ? "" : addr.substring(colon + 1);
            if (addr.isEmpty() || colon <= 0 || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
                return "-n '" + addrs + "': '" + addr + "' is not host:port (a name server listens on 9876 by default,"
                    + " e.g. -n " + (colon < 0 && !addr.isEmpty() ? addr : "127.0.0.1") + ":9876)";
            }
        }
        return null;
    }

    private static boolean isHelpWord(String s) {
        return "help".equals(s) || "-h".equals(s) || "--help".equals(s);
    }

    private static SubCommand find(String name) {
        for (SubCommand c : COMMANDS) {
            if (c.commandName().equals(name) || name.equals(c.commandAlias())) {
                return c;
            }
        }
        return null;
    }

    private static int unknownCommand(String name, PrintStream err) {
        String rocketmq = RocketMQCommandNames.rocketmqName(name);
        if (rocketmq != null) {
            err.println("mqadmin: '" + rocketmq + "' is a RocketMQ 4.9.7 command that Mercury's mqadmin does not"
                + " implement yet; RocketMQ's own mqadmin can run it against this cluster. See 'mqadmin help' for"
                + " the commands available here.");
            return 1;
        }
        err.println("mqadmin: '" + name + "' is not a command. See 'mqadmin help' for the list of commands.");
        return 1;
    }

    static Options baseOptions(SubCommand cmd) {
        Options options = new Options();
        CliOptions.flag(options, "h", "help", "Print help");
        CliOptions.arg(options, "n", "namesrvAddr", "Name server address list, eg: '192.168.0.1:9876;192.168.0.2:9876'", false);
        return cmd.buildOptions(options);
    }

    static void printCommandList(PrintStream out) {
        out.println("The most commonly used mqadmin commands are:");
        List<SubCommand> list = new ArrayList<>(COMMANDS);
        for (SubCommand c : list) {
            out.printf("   %-20s %s%n", c.commandName(), c.commandDesc());
        }
        out.println();
        out.println("See 'mqadmin help <command>' for more information on a specific command.");
    }

    static void printUsage(SubCommand cmd, Options options, PrintStream stream) {
        PrintWriter pw = new PrintWriter(stream);
        HelpFormatter f = new HelpFormatter();
        f.printHelp(pw, HELP_WIDTH, "mqadmin " + cmd.commandName(), null, options, HelpFormatter.DEFAULT_LEFT_PAD,
            HelpFormatter.DEFAULT_DESC_PAD, null, true);
        pw.flush();
    }
}
