/** Netty transport: pipeline handlers, NettyRemotingServer/Client, their config and pending calls. */
package org.mercurymq.remoting.netty;
