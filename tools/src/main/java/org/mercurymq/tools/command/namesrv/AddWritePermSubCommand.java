package org.mercurymq.tools.command.namesrv;

import org.mercurymq.tools.admin.DefaultMQAdminExt;

/** {@code addWritePerm -b brokerName}. */
public class AddWritePermSubCommand extends WritePermCommand {
    @Override
    public String commandName() {
        return "addWritePerm";
    }

    @Override
    public String commandDesc() {
        return "Add write perm of broker in all name server you defined in the -n param";
    }

    @Override
    String verb() {
        return "add";
    }

    @Override
    int apply(DefaultMQAdminExt admin, String namesrvAddr, String brokerName) throws Exception {
        return admin.addWritePermOfBroker(namesrvAddr, brokerName);
    }
}
