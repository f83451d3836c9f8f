package org.mercurymq.client.impl.body;

import org.mercurymq.remoting.protocol.RemotingSerializable;

/** CONSUME_MESSAGE_DIRECTLY (309) reply body. Mutable bean; not thread-safe. */
public class ConsumeMessageDirectlyResult extends RemotingSerializable {
    /** Consume outcome names as the admin tools print them. */
    public enum CMResult {
        CR_SUCCESS,
        CR_LATER,
        CR_ROLLBACK,
        CR_COMMIT,
        CR_THROW_EXCEPTION,
        CR_RETURN_NULL,
    }

    private boolean order = false;
    private boolean autoCommit = true;
    private CMResult consumeResult;
    private String remark;
    private long spentTimeMills;

    public boolean isOrder() {
        return order;
    }

    public void setOrder(boolean order) {
        this.order = order;
    }

    public boolean isAutoCommit() {
        return autoCommit;
    }

    public void setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
    }

    public CMResult getConsumeResult() {
        return consumeResult;
    }

    public void setConsumeResult(CMResult consumeResult) {
        this.consumeResult = consumeResult;
    }

    public String getRemark() {
        return remark;
    }

    public void setRemark(String remark) {
        this.remark = remark;
    }

    public long getSpentTimeMills() {
        return spentTimeMills;
    }

    public void setSpentTimeMills(long spentTimeMills) {
        this.spentTimeMills = spentTimeMills;
    }
}
