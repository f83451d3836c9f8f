/** Parked pulls and their wake-up (long polling). */
package org.mercurymq.broker.longpolling;
