package org.mercurymq.tools.command.broker;

/** {@code deleteExpiredCommitLog [-b addr | -c cluster]}: DELETE_EXPIRED_COMMITLOG (329). */
public final class DeleteExpiredCommitLogSubCommand extends StoreMaintenanceCommand {
    public DeleteExpiredCommitLogSubCommand() {
        super("deleteExpiredCommitLog", "Delete expired CommitLog files", "brokerAddr",
            (admin, addr) -> admin.deleteExpiredCommitLogByAddr(addr));
    }
}
