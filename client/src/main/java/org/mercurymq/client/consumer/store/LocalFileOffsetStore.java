package org.mercurymq.client.consumer.store;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offsets of a broadcasting consumer, in {@code <dir>/<clientId>/<group>/offsets.json} where {@code dir}
 * is system property {@code rocketmq.client.localOffsetStoreDir} or {@code ~/.rocketmq_offsets} (as
 * RocketMQ). Written to a temp file and renamed, the previous file kept as {@code .bak}. Thread-safe.
 */
public class LocalFileOffsetStore implements OffsetStore {
    public static final String LOCAL_OFFSET_STORE_DIR_PROPERTY = "rocketmq.client.localOffsetStoreDir";
    public static final String LOCAL_OFFSET_STORE_DIR = System.getProperty(LOCAL_OFFSET_STORE_DIR_PROPERTY,
        System.getProperty("user.home") + File.separator + ".rocketmq_offsets");
    private static final Logger LOG = LoggerFactory.getLogger(LocalFileOffsetStore.class);

    private final String groupName;
    private final Path storePath;
    private final OffsetTable offsets = new OffsetTable();
    private final Object fileLock = new Object();

    public LocalFileOffsetStore(MQClientInstance mQClientFactory, String groupName) {
        this(Paths.get(System.getProperty(LOCAL_OFFSET_STORE_DIR_PROPERTY, LOCAL_OFFSET_STORE_DIR)), mQClientFactory.getClientId(),
            groupName);
    }

    /** A store under {@code dir} (instead of the configured directory). */
    public LocalFileOffsetStore(Path dir, String clientId, String groupName) {
        this.groupName = groupName;
        this.storePath = dir.resolve(clientId).resolve(groupName).resolve("offsets.json");
    }

    public Path getStorePath() {
        return storePath;
    }

    @Override
    public void load() throws MQClientException {
        OffsetSerializeWrapper w = readFile();
        if (w == null) {
            return;
        }
        for (Map.Entry<MessageQueue, AtomicLong> e : w.getOffsetTable().entrySet()) {
            offsets.update(e.getKey(), e.getValue().get(), false);
            LOG.info("group {} loaded offset {} of {} from {}", groupName, e.getValue().get(), e.getKey(), storePath);
        }
    }

    @Override
    public void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
        offsets.update(mq, offset, increaseOnly);
    }

    @Override
    public long readOffset(MessageQueue mq, ReadOffsetType type) {
        if (mq == null) {
            return -1;
        }
        if (type == ReadOffsetType.READ_FROM_MEMORY || type == ReadOffsetType.MEMORY_FIRST_THEN_STORE) {
            long v = offsets.read(mq);
            if (v >= 0 || type == ReadOffsetType.READ_FROM_MEMORY) {
                return v;
            }
        }
        try {
            OffsetSerializeWrapper w = readFile();
            AtomicLong stored = w == null ? null : w.getOffsetTable().get(mq);
            if (stored == null) {
                return -1;
            }
            offsets.update(mq, stored.get(), false);
            return stored.get();
        } catch (MQClientException e) {
            LOG.warn("reading offsets of group {} from {} failed: {}", groupName, storePath, e.getErrorMessage());
            return -2;
        }
    }

    @Override
    public void persistAll(Set<MessageQueue> mqs) {
        if (mqs == null || mqs.isEmpty()) {
            return;
        }
        OffsetSerializeWrapper w = new OffsetSerializeWrapper();
        for (Map.Entry<MessageQueue, AtomicLong> e : offsets.entries().entrySet()) {
            if (mqs.contains(e.getKey())) {
                w.getOffsetTable().put(e.getKey(), new AtomicLong(e.getValue().get()));
            }
        }
        writeFile(w.toJson());
    }

    @Override
    public void persist(MessageQueue mq) {
    }

    @Override
    public void removeOffset(MessageQueue mq) {
    }

    @Override
    public void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
    }

    @Override
    public Map<MessageQueue, Long> cloneOffsetTable(String topic) {
        return offsets.copy(topic);
    }

    private void writeFile(String json) {
        synchronized (fileLock) {
            try {
                Files.createDirectories(storePath.getParent());
                Path tmp = storePath.resolveSibling("offsets.json.tmp");
                Files.write(tmp, json.getBytes(StandardCharsets.UTF_8));
                if (Files.exists(storePath)) {
                    Files.copy(storePath, storePath.resolveSibling("offsets.json.bak"), StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, storePath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOG.error("persisting offsets of group {} to {} failed: {}", groupName, storePath, e.toString());
            }
        }
    }

    private OffsetSerializeWrapper readFile() throws MQClientException {
        synchronized (fileLock) {
            Path bak = storePath.resolveSibling("offsets.json.bak");
            for (Path p : new Path[] {storePath, bak}) {
                if (!Files.exists(p)) {
                    continue;
                }
                try {
                    String json = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                    if (json.trim().isEmpty()) {
                        continue;
                    }
                    return OffsetSerializeWrapper.fromJson(json);
                } catch (IOException | RuntimeException e) {
                    if (p == bak) {
                        throw new MQClientException("read local offset file failed: " + p + ": " + e, e);
                    }
                    LOG.warn("offset file {} unreadable ({}), trying {}", p, e.toString(), bak);
                }
            }
            return null;
        }
    }
}
