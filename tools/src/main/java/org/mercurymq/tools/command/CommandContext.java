package org.mercurymq.tools.command;

import java.io.PrintStream;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.MQAdminException;

/**
 * What a running command may use: where to print, and an admin session on the name servers given with -n (or
 * NAMESRV_ADDR), signed with conf/tools.yml's credentials when present (docs/security.md), started on first use
 * and shut down by {@link #close()}. One per command run; not thread-safe.
 */
public final class CommandContext implements AutoCloseable {
    private final PrintStream out;
    private final String namesrvAddr;
    private final long timeoutMillis;
    private DefaultMQAdminExt admin;

    public CommandContext(PrintStream out, String namesrvAddr, long timeoutMillis) {
        this.out = out;
        this.namesrvAddr = namesrvAddr;
        this.timeoutMillis = timeoutMillis;
    }

    /** The name server list given with -n (or from the environment); null when none. */
    public String namesrvAddr() {
        return namesrvAddr;
    }

    /** The credentials hook (from the environment) that the admin session also uses; null when none. */
    public org.mercurymq.remoting.RPCHook rpcHook() {
        return ToolsCredentials.hook(System.getenv());
    }

    public PrintStream out() {
        return out;
    }

    /** The started admin session. */
    public DefaultMQAdminExt admin() throws MQAdminException {
        if (admin == null) {
            DefaultMQAdminExt a = new DefaultMQAdminExt(ToolsCredentials.hook(System.getenv()), timeoutMillis);
            a.setNamesrvAddr(namesrvAddr);
            a.start();
            admin = a;
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.shutdown();
            admin = null;
        }
    }
}
