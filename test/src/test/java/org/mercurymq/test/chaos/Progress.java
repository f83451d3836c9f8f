package org.mercurymq.test.chaos;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gates between faults on progress rather than on time: each broker group acknowledged n more sends. */
public final class Progress {
    private Progress() {
    }

    public static void awaitAcks(History history, List<String> brokerNames, int n, Duration timeout) {
        Map<String, Long> base = new HashMap<>();
        brokerNames.forEach(b -> base.put(b, history.okCount(b)));
        await(brokerNames + " ack " + n + " more sends").atMost(timeout).pollInterval(Duration.ofMillis(50))
            .until(() -> brokerNames.stream().allMatch(b -> history.okCount(b) >= base.get(b) + n));
    }
}
