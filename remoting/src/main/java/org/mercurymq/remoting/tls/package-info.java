/**
 * TLS for remoting connections with RocketMQ's switches and files (docs/security.md): the settings
 * ({@link org.mercurymq.remoting.tls.TlsSettings}), the server's mode and first-byte sniffing
 * ({@link org.mercurymq.remoting.tls.ServerTls}, {@link org.mercurymq.remoting.tls.TlsSniffer}), the JDK
 * SSL contexts ({@link org.mercurymq.remoting.tls.TlsContexts}) and test mode's self-signed certificate
 * ({@link org.mercurymq.remoting.tls.SelfSignedCertificate}).
 */
package org.mercurymq.remoting.tls;
