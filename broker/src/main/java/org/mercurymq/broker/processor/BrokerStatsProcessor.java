package org.mercurymq.broker.processor;

import org.mercurymq.broker.stats.BrokerStatsManager;
import org.mercurymq.broker.stats.StatsItem;
import org.mercurymq.broker.stats.StatsSnapshot;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.BrokerStatsData;
import org.mercurymq.remoting.protocol.body.BrokerStatsItem;
import org.mercurymq.remoting.protocol.header.ViewBrokerStatsDataRequestHeader;

/**
 * VIEW_BROKER_STATS_DATA (315): one item of the broker statistics with its minute, hour and day windows
 * (docs/statistics.md). An unknown name or key is answered SYSTEM_ERROR {@code The stats <name> <key> not
 * exist}, as RocketMQ answers it. Thread-safe.
 */
public final class BrokerStatsProcessor extends CodeDispatchingProcessor {
    private final BrokerStatsManager stats;

    public BrokerStatsProcessor(BrokerStatsManager stats) {
        this.stats = stats;
        on(RequestCode.VIEW_BROKER_STATS_DATA, this::view);
    }

    private RemotingCommand view(RemotingChannel channel, RemotingCommand request) throws Exception {
        ViewBrokerStatsDataRequestHeader h = request.decodeCommandCustomHeader(ViewBrokerStatsDataRequestHeader.class);
        StatsItem item = stats.find(h.getStatsName(), h.getStatsKey());
        if (item == null) {
            return error(request, ResponseCode.SYSTEM_ERROR,
                String.format("The stats <%s> <%s> not exist", h.getStatsName(), h.getStatsKey()));
        }
        BrokerStatsData data = new BrokerStatsData();
        data.setStatsMinute(toItem(item.getStatsDataInMinute()));
        data.setStatsHour(toItem(item.getStatsDataInHour()));
        data.setStatsDay(toItem(item.getStatsDataInDay()));
        return TopicAdminProcessor.withBody(request, data.encode());
    }

    private static BrokerStatsItem toItem(StatsSnapshot s) {
        return new BrokerStatsItem(s.getSum(), s.getTps(), s.getAvgpt());
    }
}
