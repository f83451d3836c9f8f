/** The consumer-group monitoring loop behind {@code mqadmin startMonitoring} (docs/mqadmin.md). */
package org.mercurymq.tools.monitor;
