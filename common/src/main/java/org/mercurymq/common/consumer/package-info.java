/** Consumer-side enums of the public API. */
package org.mercurymq.common.consumer;
