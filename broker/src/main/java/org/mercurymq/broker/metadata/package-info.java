/** Topic, subscription-group and consumer-offset tables and their JSON files under the store's config directory. */
package org.mercurymq.broker.metadata;
