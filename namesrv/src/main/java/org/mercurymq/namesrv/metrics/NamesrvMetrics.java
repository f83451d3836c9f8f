package org.mercurymq.namesrv.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Map;
import org.mercurymq.metrics.Family;
import org.mercurymq.namesrv.routeinfo.RouteInfoManager;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.route.BrokerData;

/**
 * The name server's readings at scrape time: registered broker addresses per cluster, broker names, topics,
 * and the requests handled by code. Thread-safe.
 */
public final class NamesrvMetrics implements MultiCollector {
    private final RouteInfoManager routes;
    private final RequestCounter requests;

    public NamesrvMetrics(RouteInfoManager routes, RequestCounter requests) {
        this.routes = routes;
        this.requests = requests;
    }

    @Override
    public MetricSnapshots collect() {
        ClusterInfo info = routes.getAllClusterInfo();
        Family brokers = Family.gauge("mercury_namesrv_registered_brokers",
            "broker addresses (masters and slaves) registered, per cluster", "cluster");
        for (Map.Entry<String, ? extends java.util.Collection<String>> c : info.getClusterAddrTable().entrySet()) {
            int addrs = 0;
            for (String brokerName : c.getValue()) {
                BrokerData data = info.getBrokerAddrTable().get(brokerName);
                addrs += data == null ? 0 : data.getBrokerAddrs().size();
            }
            brokers.add(addrs, c.getKey());
        }
        Family brokerNames = Family.gauge("mercury_namesrv_broker_names", "broker names (master-slave sets) registered")
            .add(info.getBrokerAddrTable().size());
        Family topics = Family.gauge("mercury_namesrv_topics", "topics in the route table")
            .add(routes.getAllTopicList().getTopicList().size());
        Family handled = Family.counter("mercury_namesrv_requests", "requests handled, by request code", "code");
        requests.counts().forEach((code, n) -> handled.add(n, String.valueOf(code)));
        return MetricSnapshots.of(brokers.build(), brokerNames.build(), topics.build(), handled.build());
    }
}
