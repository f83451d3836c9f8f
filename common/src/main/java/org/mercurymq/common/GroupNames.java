package org.mercurymq.common;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** Producer and consumer group names with a built-in meaning (docs/protocol/behaviour.md §1). Stateless and thread-safe. */
public final class GroupNames {
    /** The producer group every client instance uses internally (send-back, reply). */
    public static final String CLIENT_INNER_PRODUCER_GROUP = "CLIENT_INNER_PRODUCER";
    public static final String DEFAULT_PRODUCER_GROUP = "DEFAULT_PRODUCER";
    public static final String DEFAULT_CONSUMER_GROUP = "DEFAULT_CONSUMER";
    /** Group of the broker's transaction-check producer. */
    public static final String CID_RMQ_SYS_TRANS = "CID_RMQ_SYS_TRANS";

    public static final String TOOLS_CONSUMER_GROUP = "TOOLS_CONSUMER";
    public static final String FILTERSRV_CONSUMER_GROUP = "FILTERSRV_CONSUMER";
    public static final String SELF_TEST_CONSUMER_GROUP = "SELF_TEST_C_GROUP";
    public static final String ONS_HTTP_PROXY_GROUP = "CID_ONS-HTTP-PROXY";
    public static final String CID_ONSAPI_PULL_GROUP = "CID_ONSAPI_PULL";
    public static final String CID_ONSAPI_PERMISSION_GROUP = "CID_ONSAPI_PERMISSION";
    public static final String CID_ONSAPI_OWNER_GROUP = "CID_ONSAPI_OWNER";

    /** Subscription groups a broker creates at start, in subscriptionGroup.json order. */
    public static final Set<String> BUILT_IN_SUBSCRIPTION_GROUPS = Collections.unmodifiableSet(new LinkedHashSet<>(
        Arrays.asList(TOOLS_CONSUMER_GROUP, FILTERSRV_CONSUMER_GROUP, SELF_TEST_CONSUMER_GROUP, ONS_HTTP_PROXY_GROUP,
            CID_ONSAPI_PULL_GROUP, CID_ONSAPI_PERMISSION_GROUP, CID_ONSAPI_OWNER_GROUP)));

    private GroupNames() {
    }
}
