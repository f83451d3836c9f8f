package org.mercurymq.tools.command.namesrv;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.command.CliOptions;
import org.mercurymq.tools.command.CommandContext;
import org.mercurymq.tools.command.SubCommand;
import org.mercurymq.tools.command.SubCommandException;

/**
 * wipeWritePerm / addWritePerm: takes or gives back a broker's write permission on every name server given, so
 * producers stop (or resume) sending to it; prints the number of topics changed per name server.
 */
abstract class WritePermCommand implements SubCommand {
    /** "wipe" or "add", as printed. */
    abstract String verb();

    abstract int apply(DefaultMQAdminExt admin, String namesrvAddr, String brokerName) throws Exception;

    @Override
    public Options buildOptions(Options options) {
        return CliOptions.arg(options, "b", "brokerName", "broker name", true);
    }

    @Override
    public void execute(CommandLine line, Options options, CommandContext ctx) throws Exception {
        String brokerName = CliOptions.value(line, "b");
        DefaultMQAdminExt admin = ctx.admin();
        int failed = 0;
        for (String ns : admin.getNameServerAddressList()) {
            try {
                int count = apply(admin, ns, brokerName);
                ctx.out().printf("%s write perm of broker[%s] in name server[%s] OK, %d%n", verb(), brokerName, ns, count);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failed++;
                ctx.out().printf("%s write perm of broker[%s] in name server[%s] Failed: %s%n", verb(), brokerName, ns,
                    e.getMessage());
            }
        }
        if (failed > 0) {
            throw new SubCommandException(failed + " name server(s) did not " + verb() + " the write perm of " + brokerName);
        }
    }
}
