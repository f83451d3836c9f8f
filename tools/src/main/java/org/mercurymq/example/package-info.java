/**
 * Runnable examples of Mercury's client, the RocketMQ 4.9 examples ported to {@code org.mercurymq}.
 * Start one with {@code NAMESRV_ADDR=127.0.0.1:9876 sh bin/tools.sh org.mercurymq.example.quickstart.Producer}.
 */
package org.mercurymq.example;
