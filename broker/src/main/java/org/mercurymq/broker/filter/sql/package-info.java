/**
 * RocketMQ 4.9.x SQL92 message selectors: a hand-written lexer and recursive-descent parser that compile
 * an expression once into an immutable tree, and the tree's three-valued evaluation against a message's
 * properties (docs/broker.md, "SQL92 filtering").
 */
package org.mercurymq.broker.filter.sql;
