/** Bad input over the wire: garbage requests, poison messages, forged log lines, invalid registrations. */
package org.mercurymq.test.input;
