/** Building the messages handed to the store and mapping put results to reply codes. */
package org.mercurymq.broker.message;
