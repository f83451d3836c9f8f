package org.mercurymq.broker.acl;

import java.util.Map;

/**
 * One account of plain_acl.yml. {@code resourcePerms} holds topics under their name and groups under
 * {@code %RETRY%<group>}, the way requests name them. Immutable, thread-safe.
 */
final class AclAccount {
    static final String RETRY_PREFIX = "%RETRY%";

    final String accessKey;
    final String secretKey;
    final IpPattern whiteRemoteAddress;
    final boolean admin;
    final int defaultTopicPerm;
    final int defaultGroupPerm;
    final Map<String, Integer> resourcePerms;

    AclAccount(String accessKey, String secretKey, IpPattern whiteRemoteAddress, boolean admin,
               int defaultTopicPerm, int defaultGroupPerm, Map<String, Integer> resourcePerms) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.whiteRemoteAddress = whiteRemoteAddress;
        this.admin = admin;
        this.defaultTopicPerm = defaultTopicPerm;
        this.defaultGroupPerm = defaultGroupPerm;
        this.resourcePerms = Map.copyOf(resourcePerms);
    }
}
