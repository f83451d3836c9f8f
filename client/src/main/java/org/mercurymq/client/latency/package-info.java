/** Send-side latency fault tolerance: which brokers to avoid for a while after slow or failed calls. */
package org.mercurymq.client.latency;
