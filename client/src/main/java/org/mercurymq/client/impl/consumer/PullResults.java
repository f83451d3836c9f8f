package org.mercurymq.client.impl.consumer;

import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.client.impl.PullReply;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * The public pull result of a pull reply, before decoding (docs/protocol/codes.md, "How the 4.9.x client
 * interprets codes"): 1 → FOUND, 19 → NO_NEW_MSG, 20 → NO_MATCHED_MSG, 21 → OFFSET_ILLEGAL. Stateless.
 */
public final class PullResults {
    private PullResults() {
    }

    public static PullResultExt of(PullReply reply) {
        return new PullResultExt(status(reply.getCode()), reply.getNextBeginOffset(), reply.getMinOffset(),
            reply.getMaxOffset(), null, reply.getSuggestWhichBrokerId(), reply.getBody());
    }

    static PullStatus status(int code) {
        if (code == ResponseCode.SUCCESS.code()) {
            return PullStatus.FOUND;
        }
        if (code == ResponseCode.PULL_NOT_FOUND.code()) {
            return PullStatus.NO_NEW_MSG;
        }
        if (code == ResponseCode.PULL_RETRY_IMMEDIATELY.code()) {
            return PullStatus.NO_MATCHED_MSG;
        }
        if (code == ResponseCode.PULL_OFFSET_MOVED.code()) {
            return PullStatus.OFFSET_ILLEGAL;
        }
        // PullReply holds only the codes ResponseOutcomes.PULL_OUTCOME_CODES accepts
        throw new IllegalArgumentException("not a pull-outcome code: " + code);
    }
}
