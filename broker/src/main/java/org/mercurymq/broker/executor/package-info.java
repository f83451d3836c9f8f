/** Per-area request executors and the SYSTEM_BUSY back-pressure. */
package org.mercurymq.broker.executor;
