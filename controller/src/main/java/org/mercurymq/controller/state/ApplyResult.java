package org.mercurymq.controller.state;

import org.mercurymq.remoting.protocol.controller.ControllerResponseCode;

/**
 * What applying one event did: the group afterwards, or the refusal (a controller response code and a readable
 * reason) with the group unchanged. Immutable.
 */
public record ApplyResult(BrokerGroup group, ControllerResponseCode error, String reason) {

    public static ApplyResult ok(BrokerGroup group) {
        return new ApplyResult(group, null, null);
    }

    public static ApplyResult refused(BrokerGroup group, ControllerResponseCode error, String reason) {
        return new ApplyResult(group, error, reason);
    }

    public boolean succeeded() {
        return error == null;
    }
}
