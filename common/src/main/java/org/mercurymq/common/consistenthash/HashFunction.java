package org.mercurymq.common.consistenthash;

/** Maps a key to a point on a consistent-hash ring; an application may supply its own. */
public interface HashFunction {
    long hash(String key);
}
