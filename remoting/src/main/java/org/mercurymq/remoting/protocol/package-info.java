/** Wire protocol: RemotingCommand, request/response codes and the frame and header codecs. */
package org.mercurymq.remoting.protocol;
