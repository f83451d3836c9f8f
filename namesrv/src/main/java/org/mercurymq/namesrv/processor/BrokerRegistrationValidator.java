package org.mercurymq.namesrv.processor;

import java.util.List;
import java.util.Map;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;

/**
 * What a REGISTER_BROKER must carry before the name server keeps it (docs/broker.md, "Input validation"): cluster
 * and broker names made of {@code [%|a-zA-Z0-9_-]} (RocketMQ's name rule) plus {@code .} (a broker named after
 * its host), at most 127 characters; brokerId &gt;= 0; broker and HA addresses {@code host:port} with a port in
 * 1..65535; topic entries keyed by their own legal name, queue numbers in 0..65535 and a perm in 0..15.
 * Returns null when the registration is acceptable, else why not. Stateless and thread-safe.
 */
final class BrokerRegistrationValidator {
    static final int MAX_NAME_LENGTH = 127;
    static final int MAX_QUEUE_NUMS = 65535;
    private static final int MAX_PERM = 15;

    private BrokerRegistrationValidator() {
    }

    static String validate(RegisterBrokerRequestHeader header, TopicConfigSerializeWrapper topics,
                           List<String> filterServers) {
        String bad = name("clusterName", header.getClusterName());
        if (bad == null) {
            bad = name("brokerName", header.getBrokerName());
        }
        if (bad == null && (header.getBrokerId() == null || header.getBrokerId() < 0)) {
            bad = "brokerId must be >= 0 (0 is the master), got " + header.getBrokerId();
        }
        if (bad == null) {
            bad = address("brokerAddr", header.getBrokerAddr(), false);
        }
        if (bad == null) {
            bad = address("haServerAddr", header.getHaServerAddr(), true);
        }
        if (bad == null && topics != null) {
            bad = topicTable(topics.getTopicConfigTable());
        }
        if (bad == null && filterServers != null) {
            for (String filter : filterServers) {
                bad = address("filterServerList entry", filter, false);
                if (bad != null) {
                    break;
                }
            }
        }
        return bad == null ? null : "registration of broker " + header.getBrokerName() + " refused: " + bad;
    }

    static String name(String what, String value) {
        if (value == null || value.isEmpty()) {
            return what + " is missing";
        }
        if (value.length() > MAX_NAME_LENGTH) {
            return what + " is longer than " + MAX_NAME_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '.' && TopicValidator.isTopicOrGroupIllegal(String.valueOf(c))) {
                return what + " [" + value + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_.-]+$";
            }
        }
        return null;
    }

    /** {@code host:port}; an IPv6 host may be bracketed or bare (the last colon splits). */
    static String address(String what, String value, boolean emptyAllowed) {
        if (value == null || value.isEmpty()) {
            return emptyAllowed ? null : what + " is missing";
        }
        int colon = value.lastIndexOf(':');
        String host = colon <= 0 ? "" : value.substring(0, colon);
        String port = colon < 0 ? "" : value.substring(colon + 1);
        boolean hostOk = !host.isEmpty() && host.length() <= 255;
        for (int i = 0; hostOk && i < host.length(); i++) {
            char c = host.charAt(i);
            hostOk = Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']'
                || c == '%';
        }
        int p = -1;
        if (port.length() > 0 && port.length() <= 5 && port.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            p = Integer.parseInt(port);
        }
        if (!hostOk || p < 1 || p > 65535) {
            return what + " [" + value + "] is not host:port with a port in 1..65535";
        }
        return null;
    }

    private static String topicTable(Map<String, TopicConfig> table) {
        if (table == null) {
            return null;
        }
        for (Map.Entry<String, TopicConfig> e : table.entrySet()) {
            TopicConfig tc = e.getValue();
            if (tc == null || tc.getTopicName() == null || !tc.getTopicName().equals(e.getKey())) {
                return "topic entry [" + e.getKey() + "] does not carry its own topicName";
            }
            String bad = name("topic name", tc.getTopicName());
            if (bad != null) {
                return bad;
            }
            if (tc.getReadQueueNums() < 0 || tc.getReadQueueNums() > MAX_QUEUE_NUMS
                || tc.getWriteQueueNums() < 0 || tc.getWriteQueueNums() > MAX_QUEUE_NUMS) {
                return "topic [" + tc.getTopicName() + "] has readQueueNums " + tc.getReadQueueNums()
                    + " and writeQueueNums " + tc.getWriteQueueNums() + ", each must be in 0.." + MAX_QUEUE_NUMS;
            }
            if (tc.getPerm() < 0 || tc.getPerm() > MAX_PERM) {
                return "topic [" + tc.getTopicName() + "] has perm " + tc.getPerm() + ", must be in 0.." + MAX_PERM;
            }
        }
        return null;
    }
}
