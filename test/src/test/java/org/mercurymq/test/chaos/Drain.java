package org.mercurymq.test.chaos;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import org.awaitility.core.ConditionTimeoutException;

/** The drain period before the lost checker runs: wait until every OK key reached every group, or time out. */
public final class Drain {
    private Drain() {
    }

    /** True when nothing was missing before {@code timeout}; the checkers then tell what is missing. */
    public static boolean awaitDelivered(History history, Collection<String> groups, Duration timeout) {
        try {
            await("every acked message delivered to " + groups).atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> LostChecker.check(history, groups).lost() == 0);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
