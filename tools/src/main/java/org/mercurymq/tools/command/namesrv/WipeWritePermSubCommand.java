package org.mercurymq.tools.command.namesrv;

import org.mercurymq.tools.admin.DefaultMQAdminExt;

/** {@code wipeWritePerm -b brokerName}. */
public class WipeWritePermSubCommand extends WritePermCommand {
    @Override
    public String commandName() {
        return "wipeWritePerm";
    }

    @Override
    public String commandDesc() {
        return "Wipe write perm of broker in all name server you defined in the -n param";
    }

    @Override
    String verb() {
        return "wipe";
    }

    @Override
    int apply(DefaultMQAdminExt admin, String namesrvAddr, String brokerName) throws Exception {
        return admin.wipeWritePermOfBroker(namesrvAddr, brokerName);
    }
}
