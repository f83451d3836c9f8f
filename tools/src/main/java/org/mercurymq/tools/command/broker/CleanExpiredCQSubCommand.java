package org.mercurymq.tools.command.broker;

/** {@code cleanExpiredCQ [-b addr | -c cluster]}: CLEAN_EXPIRED_CONSUMEQUEUE (306). */
public final class CleanExpiredCQSubCommand extends StoreMaintenanceCommand {
    public CleanExpiredCQSubCommand() {
        super("cleanExpiredCQ", "Clean expired ConsumeQueue on broker.", "brokerAddr",
            (admin, addr) -> admin.cleanExpiredConsumerQueueByAddr(addr));
    }
}
