/** Small client helpers with RocketMQ 4.9's public names (error codes, per-thread queue index). */
package org.mercurymq.client.common;
