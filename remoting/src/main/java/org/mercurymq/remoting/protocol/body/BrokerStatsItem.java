package org.mercurymq.remoting.protocol.body;

/** One window of {@link BrokerStatsData}: {@code sum}, {@code tps}, {@code avgpt}. JSON bean; not thread-safe. */
public class BrokerStatsItem {
    private long sum;
    private double tps;
    private double avgpt;

    public BrokerStatsItem() {
    }

    public BrokerStatsItem(long sum, double tps, double avgpt) {
        this.sum = sum;
        this.tps = tps;
        this.avgpt = avgpt;
    }

    public long getSum() {
        return sum;
    }

    public void setSum(long sum) {
        this.sum = sum;
    }

    public double getTps() {
        return tps;
    }

    public void setTps(double tps) {
        this.tps = tps;
    }

    public double getAvgpt() {
        return avgpt;
    }

    public void setAvgpt(double avgpt) {
        this.avgpt = avgpt;
    }
}
