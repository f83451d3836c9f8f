import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Backlog read as fast as pulls go, without the push consumer's flow control (which bounds the official benchmark
 * Consumer well below what a broker serves): the official 4.9.7 DefaultMQPullConsumer, PER_QUEUE threads per queue of
 * TOPIC, each pulling 32 messages at a time through its share of the queue's offsets, for at most SECONDS seconds.
 * Prints "ready" when the route is known and then one line: messages, seconds, msg/s.
 * {@code java -cp <rocketmq-client 4.9.7> PullDrain.java NAMESRV TOPIC PER_QUEUE SECONDS}; consume-vs-apache.sh runs it.
 */
public class PullDrain {
    public static void main(String[] args) throws Exception {
        String namesrv = args[0];
        String topic = args[1];
        int perQueue = Integer.parseInt(args[2]);
        long deadline = Long.parseLong(args[3]) * 1_000_000_000L;
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer("pull_drain_" + System.nanoTime());
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("pull-drain-" + ProcessHandle.current().pid());
        consumer.start();
        Set<MessageQueue> queues = consumer.fetchSubscribeMessageQueues(topic);
        List<long[]> ranges = new ArrayList<>();
        List<MessageQueue> owners = new ArrayList<>();
        for (MessageQueue mq : queues) {
            long max = consumer.maxOffset(mq);
            for (int i = 0; i < perQueue; i++) {
                ranges.add(new long[] {max * i / perQueue, max * (i + 1) / perQueue});
                owners.add(mq);
            }
        }
        AtomicLong messages = new AtomicLong();
        System.out.println("ready");
        System.out.flush();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < ranges.size(); t++) {
            long[] range = ranges.get(t);
            MessageQueue mq = owners.get(t);
            Thread th = new Thread(() -> {
                long offset = range[0];
                while (offset < range[1] && System.nanoTime() - start < deadline) {
                    try {
                        PullResult r = consumer.pull(mq, "*", offset, 32, 10_000);
                        if (r.getPullStatus() != PullStatus.FOUND) {
                            break;
                        }
                        long n = Math.min(r.getMsgFoundList().size(), range[1] - offset);
                        messages.addAndGet(n);
                        offset = r.getNextBeginOffset();
                    } catch (Exception e) {
                        System.out.println("pull failed: " + e);
                        return;
                    }
                }
            }, "drain-" + t);
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("messages=%d seconds=%.2f rate=%.0f%n", messages.get(), seconds, messages.get() / seconds);
        consumer.shutdown();
        System.exit(0);
    }
}
