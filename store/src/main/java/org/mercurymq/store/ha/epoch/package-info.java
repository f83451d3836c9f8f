/**
 * Master epochs in the store for controller mode: the epoch file (epoch to start offset of each master term)
 * and the rule that finds where a returning replica's log stops agreeing with the master's (docs/controller.md).
 */
package org.mercurymq.store.ha.epoch;
