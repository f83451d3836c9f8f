package org.mercurymq.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.TopicNames;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/**
 * The lag history behind a group page's chart (docs/console.md, "Consumers"): every {@code period} it reads the
 * total lag of up to {@code maxGroups} groups (those with a {@code %RETRY%} topic, by name, built-in groups left
 * out) with one consume-stats call each, and keeps the last {@code keep} samples. A group whose stats fail (no
 * offsets yet, a broker away) leaves a gap. The samples outlive a console restart when the buffer has a journal.
 * Samples on its own thread; {@link #history(String)} is thread-safe.
 */
final class LagSampler {

    private final DefaultMQAdminExt admin;
    private final Clock clock;
    private final int maxGroups;
    private final TrendBuffer trend;
    private final Duration period;
    private final PeriodicSample sampling;

    /** @param trend where the lags go (with the history it starts from) */
    LagSampler(DefaultMQAdminExt admin, Clock clock, Duration period, TrendBuffer trend, int maxGroups) {
        this.admin = admin;
        this.clock = clock;
        this.period = period;
        this.sampling = new PeriodicSample("ConsoleLagSampler", "lag", period, this::sampleOnce);
        this.maxGroups = maxGroups;
        this.trend = trend;
    }

    void start() {
        sampling.start();
    }

    void shutdown() {
        sampling.shutdown();
        synchronized (trend) {
            trend.close();
        }
    }

    void sampleOnce() throws Exception {
        TreeSet<String> groups = new TreeSet<>();
        for (String topic : admin.fetchAllTopicList().getTopicList()) {
            if (TopicNames.isRetryTopic(topic)) {
                groups.add(topic.substring(TopicNames.RETRY_GROUP_TOPIC_PREFIX.length()));
            }
        }
        groups.removeAll(GroupNames.BUILT_IN_SUBSCRIPTION_GROUPS);
        Map<String, Long> point = new LinkedHashMap<>();
        for (String group : groups) {
            if (point.size() >= maxGroups) {
                break;
            }
            try {
                point.put(group, admin.examineConsumeStats(group).computeTotalDiff());
            } catch (Exception e) {
                // no offsets yet or a broker away: a gap in this group's line
            }
        }
        long now = clock.millis();
        synchronized (trend) {
            trend.add(now / 1000, point);
        }
    }

    /** {@code {periodSeconds, times:[s...], lags:[...]}}: the group's samples (null where it had none). */
    Map<String, Object> history(String group) {
        GroupAdmin.checkGroupName(group);
        Map<String, Object> all;
        synchronized (trend) {
            all = trend.toJson();
        }
        List<?> times = (List<?>) all.get("times");
        List<Object> lags = null;
        for (Object s : (List<?>) all.get("series")) {
            Map<?, ?> series = (Map<?, ?>) s;
            if (group.equals(series.get("name"))) {
                lags = new ArrayList<>((List<?>) series.get("values"));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("periodSeconds", period.toMillis() / 1000.0);
        out.put("times", lags == null ? List.of() : times);
        out.put("lags", lags == null ? List.of() : lags);
        return out;
    }
}
