package org.mercurymq.client.impl;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * The one place that says how the client reads response codes (docs/protocol/codes.md, "How the 4.9.x client
 * interprets codes"): which codes count as a stored send and with what status, which are pull
 * outcomes, which make a sync send retry, and the exception every other code becomes. Every call in
 * {@link MQClientAPIImpl} goes through here instead of its own switch. Stateless and thread-safe.
 */
public final class ResponseOutcomes {
    private static final Map<Integer, SendStatus> SEND_STATUS;
    private static final Map<Integer, PullStatus> PULL_STATUS;

    /** Codes after which a sync send tries again (another broker preferred). */
    public static final Set<Integer> DEFAULT_SEND_RETRY_CODES = Collections.unmodifiableSet(new HashSet<Integer>(Arrays.asList(
        ResponseCode.TOPIC_NOT_EXIST.code(), ResponseCode.SERVICE_NOT_AVAILABLE.code(), ResponseCode.SYSTEM_ERROR.code(),
        ResponseCode.NO_PERMISSION.code(), ResponseCode.NO_BUYER_ID.code(), ResponseCode.NOT_IN_CURRENT_UNIT.code())));

    static {
        Map<Integer, SendStatus> send = new HashMap<Integer, SendStatus>();
        send.put(ResponseCode.SUCCESS.code(), SendStatus.SEND_OK);
        send.put(ResponseCode.FLUSH_DISK_TIMEOUT.code(), SendStatus.FLUSH_DISK_TIMEOUT);
        send.put(ResponseCode.FLUSH_SLAVE_TIMEOUT.code(), SendStatus.FLUSH_SLAVE_TIMEOUT);
        send.put(ResponseCode.SLAVE_NOT_AVAILABLE.code(), SendStatus.SLAVE_NOT_AVAILABLE);
        SEND_STATUS = Collections.unmodifiableMap(send);

        Map<Integer, PullStatus> pull = new HashMap<Integer, PullStatus>();
        pull.put(ResponseCode.SUCCESS.code(), PullStatus.FOUND);
        pull.put(ResponseCode.PULL_NOT_FOUND.code(), PullStatus.NO_NEW_MSG);
        pull.put(ResponseCode.PULL_RETRY_IMMEDIATELY.code(), PullStatus.NO_MATCHED_MSG);
        pull.put(ResponseCode.PULL_OFFSET_MOVED.code(), PullStatus.OFFSET_ILLEGAL);
        PULL_STATUS = Collections.unmodifiableMap(pull);
    }

    private ResponseOutcomes() {
    }

    /** The send status of a reply, or an exception for a code that does not mean "stored". */
    public static SendStatus sendStatus(RemotingCommand response, String addr) throws MQBrokerException {
        SendStatus status = SEND_STATUS.get(response.getCode());
        if (status == null) {
            throw toException(response, addr);
        }
        return status;
    }

    /** The pull status of a reply, or an exception for a code that is not a pull outcome. */
    public static PullStatus pullStatus(RemotingCommand response, String addr) throws MQBrokerException {
        PullStatus status = PULL_STATUS.get(response.getCode());
        if (status == null) {
            throw toException(response, addr);
        }
        return status;
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
