package org.mercurymq.test.chaos.net;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.store.DefaultMessageStore;
import org.mercurymq.store.MessageStoreConfig;

/**
 * Reads the bodies of one topic's messages straight from a stopped broker's store directory (the chaos
 * workload's body is the message key), to check what a slave really holds. Stateless.
 */
public final class StoreContents {
    private StoreContents() {
    }

    public static Set<String> bodies(Path storeDir, String topic, int queues) {
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", storeDir.toString());
        raw.put("mappedFileSizeCommitLog", "67108864");
        raw.put("mappedFileSizeConsumeQueue", "600000");
        raw.put("maxHashSlotNum", "50000");
        raw.put("maxIndexNum", "200000");
        raw.put("brokerRole", "SLAVE");
        MessageStoreConfig config = new MessageStoreConfig(MessageStoreConfig.TABLE.parse(raw, w -> { }));
        DefaultMessageStore store = new DefaultMessageStore(config, Clock.systemUTC(), null);
        store.load();
        store.start();
        Set<String> bodies = new HashSet<>();
        try {
            for (int q = 0; q < queues; q++) {
                long max = store.getMaxOffsetInQueue(topic, q);
                for (long off = store.getMinOffsetInQueue(topic, q); off < max; off++) {
                    MessageExt m = store.lookMessageByOffset(store.getCommitLogOffsetInQueue(topic, q, off));
                    bodies.add(new String(m.getBody(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            store.shutdown();
        }
        return bodies;
    }
}
