/** Subscription expressions: TAG parsing and expression types. */
package org.mercurymq.common.filter;
