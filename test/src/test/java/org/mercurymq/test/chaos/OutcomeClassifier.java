package org.mercurymq.test.chaos;

import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.remoting.exception.RemotingConnectException;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.exception.RemotingTooMuchRequestException;

/**
 * Maps what the official client reported to a {@link SendOutcome}. Conservative: anything that may have
 * reached the broker's store is UNKNOWN, never FAILED, so the lost checker never blames the broker for a
 * message the client could not tell about. Stateless.
 */
final class OutcomeClassifier {
    private OutcomeClassifier() {
    }

    /** SEND_OK is OK; FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT and SLAVE_NOT_AVAILABLE are stored but not confirmed. */
    static SendOutcome of(SendResult result) {
        return result.getSendStatus() == SendStatus.SEND_OK ? SendOutcome.OK : SendOutcome.UNKNOWN;
    }

    static SendOutcome of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RemotingTimeoutException) {
                return SendOutcome.UNKNOWN;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RemotingConnectException || t instanceof MQBrokerException
                || t instanceof RemotingTooMuchRequestException) {
                return SendOutcome.FAILED;
            }
            if (t instanceof MQClientException && t.getCause() == null) {
                // raised by the client before any request: no route, service not available, bad message
                return SendOutcome.FAILED;
            }
        }
        // a connection closed or a write that failed in flight: the broker may have stored it
        return SendOutcome.UNKNOWN;
    }

    /** One short line for the history: the innermost message. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = String.valueOf(root.getMessage());
        int nl = msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        return root.getClass().getSimpleName() + ": " + (msg.length() > 120 ? msg.substring(0, 120) : msg);
    }
}
