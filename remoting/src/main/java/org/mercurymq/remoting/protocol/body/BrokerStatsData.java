package org.mercurymq.remoting.protocol.body;

import org.mercurymq.remoting.protocol.RemotingSerializable;

/**
 * VIEW_BROKER_STATS_DATA (315) reply body: one stats item's minute, hour and day windows,
 * {@code {"statsDay":{…},"statsHour":{…},"statsMinute":{…}}}. JSON bean; not thread-safe.
 */
public class BrokerStatsData extends RemotingSerializable {
    private BrokerStatsItem statsMinute = new BrokerStatsItem();
    private BrokerStatsItem statsHour = new BrokerStatsItem();
    private BrokerStatsItem statsDay = new BrokerStatsItem();

    public BrokerStatsItem getStatsMinute() {
        return statsMinute;
    }

    public void setStatsMinute(BrokerStatsItem statsMinute) {
        this.statsMinute = statsMinute;
    }

    public BrokerStatsItem getStatsHour() {
        return statsHour;
    }

    public void setStatsHour(BrokerStatsItem statsHour) {
        this.statsHour = statsHour;
    }

    public BrokerStatsItem getStatsDay() {
        return statsDay;
    }

    public void setStatsDay(BrokerStatsItem statsDay) {
        this.statsDay = statsDay;
    }
}
