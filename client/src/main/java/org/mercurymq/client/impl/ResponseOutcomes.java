package org.mercurymq.client.impl;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * The one place that says how the client reads response codes (docs/protocol/codes.md, "How the 4.9.x client
 * interprets codes"): which codes count as a stored send, which are pull outcomes, which make a sync send
 * retry, and the exception every other code becomes. Every call in {@link MQClientAPIImpl} goes through here
 * instead of its own switch; the engines map the accepted codes to SendStatus and PullStatus
 * ({@code impl.producer.SendResults}, {@code impl.consumer.PullResults}). Stateless and thread-safe.
 */
public final class ResponseOutcomes {
    /** Codes of a send reply that mean "stored" (with a status); every other code is an exception. */
    public static final Set<Integer> STORED_SEND_CODES = codes(ResponseCode.SUCCESS, ResponseCode.FLUSH_DISK_TIMEOUT,
        ResponseCode.FLUSH_SLAVE_TIMEOUT, ResponseCode.SLAVE_NOT_AVAILABLE);

    /** Codes of a pull reply that are pull outcomes; every other code is an exception. */
    public static final Set<Integer> PULL_OUTCOME_CODES = codes(ResponseCode.SUCCESS, ResponseCode.PULL_NOT_FOUND,
        ResponseCode.PULL_RETRY_IMMEDIATELY, ResponseCode.PULL_OFFSET_MOVED);

    /** Codes after which a sync send tries again (another broker preferred). */
    public static final Set<Integer> DEFAULT_SEND_RETRY_CODES = codes(ResponseCode.TOPIC_NOT_EXIST,
        ResponseCode.SERVICE_NOT_AVAILABLE, ResponseCode.SYSTEM_ERROR, ResponseCode.NO_PERMISSION,
        ResponseCode.NO_BUYER_ID, ResponseCode.NOT_IN_CURRENT_UNIT);

    private static Set<Integer> codes(ResponseCode... codes) {
        Set<Integer> set = new HashSet<Integer>();
        for (ResponseCode c : codes) {
            set.add(c.code());
        }
        return Collections.unmodifiableSet(set);
    }

    private ResponseOutcomes() {
    }

    /** Returns normally when a send reply says the message was stored; otherwise throws. */
    public static void expectStored(RemotingCommand response, String addr) throws MQBrokerException {
        if (!STORED_SEND_CODES.contains(response.getCode())) {
            throw toException(response, addr);
        }
    }

    /** Returns normally when a pull reply is a pull outcome; otherwise throws. */
    public static void expectPullOutcome(RemotingCommand response, String addr) throws MQBrokerException {
        if (!PULL_OUTCOME_CODES.contains(response.getCode())) {
            throw toException(response, addr);
        }
    }

    /** Returns normally when the reply's code is SUCCESS or one of {@code alsoAccepted}; otherwise throws. */
    public static void expect(RemotingCommand response, String addr, ResponseCode... alsoAccepted) throws MQBrokerException {
        if (response.getCode() == ResponseCode.SUCCESS.code()) {
            return;
        }
        for (ResponseCode c : alsoAccepted) {
            if (response.getCode() == c.code()) {
                return;
            }
        }
        throw toException(response, addr);
    }

    public static MQBrokerException toException(RemotingCommand response, String addr) {
        String remark = response.getRemark() != null ? response.getRemark() : ResponseCode.describe(response.getCode());
        return new MQBrokerException(response.getCode(), remark, addr);
    }
}
