/** Address and exception helpers with RocketMQ 4.9 public names. */
package org.mercurymq.remoting.common;
