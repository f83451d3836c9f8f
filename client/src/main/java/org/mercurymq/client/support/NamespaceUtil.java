package org.mercurymq.client.support;

import org.mercurymq.common.TopicNames;
import org.mercurymq.common.TopicValidator;

/**
 * Namespace wrapping of topic and group names as RocketMQ 4.9 does it: {@code ns%name}, and
 * {@code %RETRY%ns%group} / {@code %DLQ%ns%group} for retry and dead-letter topics. System topics are
 * never wrapped. Stateless and thread-safe.
 */
public final class NamespaceUtil {
    public static final char NAMESPACE_SEPARATOR = '%';

    private NamespaceUtil() {
    }

    public static String wrapNamespace(String namespace, String resource) {
        if (isBlank(namespace) || isBlank(resource) || TopicValidator.isSystemTopic(resource)) {
            return resource;
        }
        if (isAlreadyWithNamespace(resource, namespace)) {
            return resource;
        }
        if (TopicNames.isRetryTopic(resource)) {
            return TopicNames.RETRY_GROUP_TOPIC_PREFIX + namespace + NAMESPACE_SEPARATOR
                + resource.substring(TopicNames.RETRY_GROUP_TOPIC_PREFIX.length());
        }
        if (TopicNames.isDLQTopic(resource)) {
            return TopicNames.DLQ_GROUP_TOPIC_PREFIX + namespace + NAMESPACE_SEPARATOR
                + resource.substring(TopicNames.DLQ_GROUP_TOPIC_PREFIX.length());
        }
        return namespace + NAMESPACE_SEPARATOR + resource;
    }

    public static String withoutNamespace(String resource, String namespace) {
        if (isBlank(resource) || isBlank(namespace)) {
            return resource;
        }
        String prefix = "";
        String rest = resource;
        if (TopicNames.isRetryTopic(resource)) {
            prefix = TopicNames.RETRY_GROUP_TOPIC_PREFIX;
            rest = resource.substring(prefix.length());
        } else if (TopicNames.isDLQTopic(resource)) {
            prefix = TopicNames.DLQ_GROUP_TOPIC_PREFIX;
            rest = resource.substring(prefix.length());
        }
        String nsPrefix = namespace + NAMESPACE_SEPARATOR;
        return rest.startsWith(nsPrefix) ? prefix + rest.substring(nsPrefix.length()) : resource;
    }

    /** Strips whatever namespace {@code resource} carries ({@code ns%name}, {@code %RETRY%ns%group}); system topics unchanged. */
    public static String withoutNamespace(String resource) {
        if (isBlank(resource) || TopicValidator.isSystemTopic(resource)) {
            return resource;
        }
        String prefix = "";
        String rest = resource;
        if (TopicNames.isRetryTopic(resource)) {
            prefix = TopicNames.RETRY_GROUP_TOPIC_PREFIX;
            rest = resource.substring(prefix.length());
        } else if (TopicNames.isDLQTopic(resource)) {
            prefix = TopicNames.DLQ_GROUP_TOPIC_PREFIX;
            rest = resource.substring(prefix.length());
        }
        int separator = rest.indexOf(NAMESPACE_SEPARATOR);
        return separator > 0 ? prefix + rest.substring(separator + 1) : resource;
    }

    private static boolean isAlreadyWithNamespace(String resource, String namespace) {
        String rest = resource;
        if (TopicNames.isRetryTopic(resource)) {
            rest = resource.substring(TopicNames.RETRY_GROUP_TOPIC_PREFIX.length());
        } else if (TopicNames.isDLQTopic(resource)) {
            rest = resource.substring(TopicNames.DLQ_GROUP_TOPIC_PREFIX.length());
        }
        return rest.startsWith(namespace + NAMESPACE_SEPARATOR);
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
