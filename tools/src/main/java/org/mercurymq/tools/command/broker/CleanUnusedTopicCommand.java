package org.mercurymq.tools.command.broker;

/** {@code cleanUnusedTopic [-b addr | -c cluster]}: CLEAN_UNUSED_TOPIC (316). */
public final class CleanUnusedTopicCommand extends StoreMaintenanceCommand {
    public CleanUnusedTopicCommand() {
        super("cleanUnusedTopic", "Clean unused topic on broker.", "brokerAddr",
            (admin, addr) -> admin.cleanUnusedTopicByAddr(addr));
    }
}
