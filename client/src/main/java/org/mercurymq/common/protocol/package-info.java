/**
 * Protocol constants under the package name RocketMQ applications import ({@code ResponseCode}). It lives in the
 * client module because it extends the remoting module's {@code RemotingSysResponseCode}, which the common module
 * cannot see; no other module has classes in this package.
 */
package org.mercurymq.common.protocol;
