package org.mercurymq.client.producer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.common.ClientErrorCode;
import org.mercurymq.client.exception.RequestTimeoutException;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide table of outstanding requests by correlation id, and the once-a-second scan that
 * fails async requests whose reply did not come in time. The scan thread runs while any producer
 * uses request/reply. Thread-safe.
 */
public class RequestFutureHolder {
    private static final Logger LOG = LoggerFactory.getLogger(RequestFutureHolder.class);
    private static final RequestFutureHolder INSTANCE = new RequestFutureHolder();

    private final ConcurrentHashMap<String, RequestResponseFuture> requestFutureTable = new ConcurrentHashMap<String, RequestResponseFuture>();
    private final Object lock = new Object();
    private ScheduledExecutorService scheduledExecutorService;
    private int users;

    public static RequestFutureHolder getInstance() {
        return INSTANCE;
    }

    private RequestFutureHolder() {
    }

    public ConcurrentHashMap<String, RequestResponseFuture> getRequestFutureTable() {
        return requestFutureTable;
    }

    /** Starts the expiry scan for one more user (a producer that sent a request). */
    public void startScheduledTask() {
        synchronized (lock) {
            if (users++ == 0) {
                scheduledExecutorService = Executors.newSingleThreadScheduledExecutor(
                    new NamedThreadFactory("RequestHouseKeepingService", true));
                scheduledExecutorService.scheduleAtFixedRate(new Runnable() {
                    @Override
                    public void run() {
                        scanExpiredRequest();
                    }
                }, 3000, 1000, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One user fewer; the scan stops with the last one. */
    public void shutdown() {
        synchronized (lock) {
            if (users > 0 && --users == 0) {
                scheduledExecutorService.shutdownNow();
                scheduledExecutorService = null;
            }
        }
    }

    void scanExpiredRequest() {
        List<RequestResponseFuture> expired = new ArrayList<RequestResponseFuture>();
        Iterator<Map.Entry<String, RequestResponseFuture>> it = requestFutureTable.entrySet().iterator();
        while (it.hasNext()) {
            RequestResponseFuture f = it.next().getValue();
            if (f.getRequestCallback() != null && f.isTimeout()) {
                it.remove();
                expired.add(f);
            }
        }
        for (RequestResponseFuture f : expired) {
            f.setCause(new RequestTimeoutException(ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION,
                "request timeout, no reply message within " + f.getTimeoutMillis() + " ms"));
            try {
                f.executeRequestCallback();
            } catch (Throwable t) {
                LOG.warn("request callback threw {}", t.toString());
            }
        }
    }
}
