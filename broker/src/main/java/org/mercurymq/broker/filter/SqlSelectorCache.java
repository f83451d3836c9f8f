package org.mercurymq.broker.filter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mercurymq.broker.filter.sql.SqlCompileException;
import org.mercurymq.broker.filter.sql.SqlParser;
import org.mercurymq.broker.filter.sql.SqlSelector;

/**
 * Compiled selectors of pulls that carry their expression in the header (pull and lite-pull consumers), by
 * expression text, so a selector is compiled once and not per pull or per message. Keeps the last 100
 * expressions, failures included (like RocketMQ's parser cache). Thread-safe.
 */
public final class SqlSelectorCache {
    private static final int MAX_ENTRIES = 100;

    private final Map<String, Object> cache = new LinkedHashMap<>(128, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public SqlSelector compile(String sql) throws SqlCompileException {
        Object hit;
        synchronized (cache) {
            hit = cache.get(sql);
        }
        if (hit == null) {
            try {
                hit = SqlParser.compile(sql);
            } catch (SqlCompileException e) {
                hit = e;
            }
            synchronized (cache) {
                cache.put(sql, hit);
            }
        }
        if (hit instanceof SqlCompileException) {
            throw new SqlCompileException(((SqlCompileException) hit).getMessage());
        }
        return (SqlSelector) hit;
    }
}
