package org.mercurymq.tools.command.acl;

import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.ClusterAddresses;

/**
 * The -b / -c targeting shared by the ACL commands, as RocketMQ 4.9.7 does it: writes go to every address
 * of the cluster (masters and slaves, each broker edits its own file), reads to the masters. Stateless.
 */
final class AclTargets {
    private AclTargets() {
    }

    static Options brokerOrCluster(Options options, String brokerDesc, String clusterDesc) {
        return CliOptions.oneOf(options, CliOptions.withArg("b", "brokerAddr", brokerDesc),
            CliOptions.withArg("c", "clusterName", clusterDesc));
    }

    /** -b's address, or every address of -c's cluster. */
    static Set<String> forWrite(CommandLine line, DefaultMQAdminExt admin) throws Exception {
        if (line.hasOption('b')) {
            Set<String> one = new TreeSet<>();
            one.add(CliOptions.value(line, "b"));
            return one;
        }
        return ClusterAddresses.mastersAndSlaves(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c"));
    }

    /** The master addresses of -c's cluster. */
    static Set<String> masters(CommandLine line, DefaultMQAdminExt admin) throws Exception {
        return ClusterAddresses.masters(admin.examineBrokerClusterInfo(), CliOptions.value(line, "c"));
    }
}
