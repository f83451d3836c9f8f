package org.mercurymq.tools.command.connection;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.common.MQVersion;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.protocol.body.Connection;
import org.mercurymq.remoting.protocol.body.ConsumerConnection;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;

/** {@code consumerConnection -g group [-b addr]}: a consumer group's clients, subscriptions and consume settings. */
public class ConsumerConnectionSubCommand implements SubCommand {
    @Override
    public String commandName() {
        return "consumerConnection";
    }

    @Override
    public String commandDesc() {
        return "Query consumer's socket connection, client version and subscription";
    }

    @Override
    public Options buildOptions(Options options) {
        CliOptions.arg(options, "g", "consumerGroup", "consumer group name", true);
        CliOptions.arg(options, "b", "brokerAddr", "broker address", false);
        return options;
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String group = CliOptions.value(line, "g");
        ConsumerConnection cc = line.hasOption('b')
            ? ctx.admin().examineConsumerConnectionInfo(group, CliOptions.value(line, "b"))
            : ctx.admin().examineConsumerConnectionInfo(group);
        print(cc, ctx.out());
    }

    static void print(ConsumerConnection cc, PrintStream out) {
        out.printf("%-36s %-22s %-10s %s%n", "#ClientId", "#ClientAddr", "#Language", "#Version");
        for (Connection c : sorted(cc.getConnectionSet())) {
            out.printf("%-36s %-22s %-10s %s%n", c.getClientId(), c.getClientAddr(), c.getLanguage(),
                MQVersion.getVersionDesc(c.getVersion()));
        }
        out.printf("%nBelow is subscription:%n");
        out.printf("%-20s %s%n", "#Topic", "#SubExpression");
        for (Map.Entry<String, SubscriptionData> e : cc.getSubscriptionTable().entrySet()) {
            out.printf("%-20s %s%n", e.getKey(), e.getValue().getSubString());
        }
        out.println();
        out.printf("ConsumeType: %s%n", cc.getConsumeType());
        out.printf("MessageModel: %s%n", cc.getMessageModel());
        out.printf("ConsumeFromWhere: %s%n", cc.getConsumeFromWhere());
    }

    /** Connections in client-id order, so the listing is stable. */
    public static List<Connection> sorted(java.util.Collection<Connection> connections) {
        List<Connection> list = new ArrayList<>(connections);
        list.sort(Comparator.comparing(Connection::getClientId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return list;
    }
}
