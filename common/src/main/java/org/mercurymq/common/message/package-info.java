/**
 * The message model shared by client, broker and store, and its binary codecs: the property string,
 * the stored-message layout (also the wire format of pull replies), batch bodies and message ids.
 * Names mirror RocketMQ 4.9.x so that client code only changes its import root.
 */
package org.mercurymq.common.message;
