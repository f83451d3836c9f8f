package org.mercurymq.broker.message;

import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.store.PutMessageStatus;

/**
 * Store put status → send reply code and remark (docs/protocol/codes.md §2). Codes 0, 10, 11 and 12 mean "stored" and
 * carry the send response header. Stateless.
 */
public final class PutStatusMapping {
    private PutStatusMapping() {
    }

    public static ResponseCode code(PutMessageStatus status) {
        switch (status) {
            case PUT_OK:
                return ResponseCode.SUCCESS;
            case FLUSH_DISK_TIMEOUT:
                return ResponseCode.FLUSH_DISK_TIMEOUT;
            case FLUSH_SLAVE_TIMEOUT:
                return ResponseCode.FLUSH_SLAVE_TIMEOUT;
            case SLAVE_NOT_AVAILABLE:
                return ResponseCode.SLAVE_NOT_AVAILABLE;
            case MESSAGE_ILLEGAL:
            case PROPERTIES_SIZE_EXCEEDED:
                return ResponseCode.MESSAGE_ILLEGAL;
            case SERVICE_NOT_AVAILABLE:
                return ResponseCode.SERVICE_NOT_AVAILABLE;
            default:
                return ResponseCode.SYSTEM_ERROR;
        }
    }

    public static String remark(PutMessageStatus status) {
        switch (status) {
            case PUT_OK:
                return null;
            case FLUSH_DISK_TIMEOUT:
            case FLUSH_SLAVE_TIMEOUT:
            case SLAVE_NOT_AVAILABLE:
                return status.name();
            case CREATE_MAPEDFILE_FAILED:
                return "create mapped file failed, server is busy or broken.";
            case MESSAGE_ILLEGAL:
            case PROPERTIES_SIZE_EXCEEDED:
                return "the message is illegal, maybe msg body or properties length not matched. msg body length limit 128k, msg properties length limit 32k.";
            case SERVICE_NOT_AVAILABLE:
                return "service not available now. It may be caused by one of the following reasons: the broker's disk "
                    + "is full, messages are put to the slave, message store has been shut down, etc.";
            case OS_PAGECACHE_BUSY:
                return "[PC_SYNCHRONIZED]broker busy, start flow control for a while";
            case LMQ_CONSUME_QUEUE_NUM_EXCEEDED:
                return "[LMQ_CONSUME_QUEUE_NUM_EXCEEDED]broker config enableLmq and enableMultiDispatch, lmq consumeQueue num exceed maxLmqConsumeQueueNum config num";
            default:
                return "UNKNOWN_ERROR";
        }
    }

    public static boolean isStored(ResponseCode code) {
        return code == ResponseCode.SUCCESS || code == ResponseCode.FLUSH_DISK_TIMEOUT
            || code == ResponseCode.FLUSH_SLAVE_TIMEOUT || code == ResponseCode.SLAVE_NOT_AVAILABLE;
    }
}
