package org.mercurymq.broker.acl;

/**
 * A refused request or a bad ACL file. The remoting layer turns it into response code 1 with
 * {@link #toString()} as the remark; that text starts with RocketMQ's exception class name because
 * operators and scripts match on it (docs/security.md).
 */
public final class AclException extends RuntimeException {
    static final String WIRE_NAME = "org.apache.rocketmq.acl.common.AclException";

    public AclException(String message) {
        super(message);
    }

    @Override
    public String toString() {
        return WIRE_NAME + ": " + getMessage();
    }
}
