package org.mercurymq.broker.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mercurymq.broker.message.PutStatusMapping;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.store.GetMessageResult;
import org.mercurymq.store.GetMessageStatus;
import org.mercurymq.store.PutMessageStatus;

/** The store status → reply code tables (docs/protocol/behaviour.md §6, docs/protocol/codes.md §2). */
class PullStatusMappingTest {
    private static ResponseCode pull(GetMessageStatus status, long offset) {
        GetMessageResult r = new GetMessageResult();
        r.setStatus(status);
        return PullMessageProcessor.codeOf(r, offset);
    }

    @Test
    void pullStatuses() {
        assertEquals(ResponseCode.SUCCESS, pull(GetMessageStatus.FOUND, 3));
        assertEquals(ResponseCode.PULL_NOT_FOUND, pull(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, 0));
        assertEquals(ResponseCode.PULL_OFFSET_MOVED, pull(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, 5));
        assertEquals(ResponseCode.PULL_NOT_FOUND, pull(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0));
        assertEquals(ResponseCode.PULL_OFFSET_MOVED, pull(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 5));
        assertEquals(ResponseCode.PULL_OFFSET_MOVED, pull(GetMessageStatus.OFFSET_TOO_SMALL, 1));
        assertEquals(ResponseCode.PULL_NOT_FOUND, pull(GetMessageStatus.OFFSET_OVERFLOW_ONE, 9));
        assertEquals(ResponseCode.PULL_OFFSET_MOVED, pull(GetMessageStatus.OFFSET_OVERFLOW_BADLY, 99));
        assertEquals(ResponseCode.PULL_NOT_FOUND, pull(GetMessageStatus.OFFSET_FOUND_NULL, 9));
        assertEquals(ResponseCode.PULL_RETRY_IMMEDIATELY, pull(GetMessageStatus.NO_MATCHED_MESSAGE, 9));
        assertEquals(ResponseCode.PULL_RETRY_IMMEDIATELY, pull(GetMessageStatus.MESSAGE_WAS_REMOVING, 9));
    }

    @Test
    void putStatuses() {
        assertEquals(ResponseCode.SUCCESS, PutStatusMapping.code(PutMessageStatus.PUT_OK));
        assertEquals(ResponseCode.FLUSH_DISK_TIMEOUT, PutStatusMapping.code(PutMessageStatus.FLUSH_DISK_TIMEOUT));
        assertEquals(ResponseCode.FLUSH_SLAVE_TIMEOUT, PutStatusMapping.code(PutMessageStatus.FLUSH_SLAVE_TIMEOUT));
        assertEquals(ResponseCode.SLAVE_NOT_AVAILABLE, PutStatusMapping.code(PutMessageStatus.SLAVE_NOT_AVAILABLE));
        assertEquals(ResponseCode.MESSAGE_ILLEGAL, PutStatusMapping.code(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED));
        assertEquals(ResponseCode.SERVICE_NOT_AVAILABLE, PutStatusMapping.code(PutMessageStatus.SERVICE_NOT_AVAILABLE));
        assertEquals(ResponseCode.SYSTEM_ERROR, PutStatusMapping.code(PutMessageStatus.OS_PAGECACHE_BUSY));
        assertEquals(true, PutStatusMapping.isStored(ResponseCode.FLUSH_DISK_TIMEOUT));
        assertEquals(false, PutStatusMapping.isStored(ResponseCode.MESSAGE_ILLEGAL));
    }
}
