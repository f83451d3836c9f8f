/**
 * Mercury Console: a small HTTP server (the JDK's com.sun.net.httpserver) serving a JSON API over the admin API
 * ({@code DefaultMQAdminExt}) and plain HTML/JS pages from the jar (docs/console.md).
 */
package org.mercurymq.console;
