/**
 * Hooks of RocketMQ 4.9's client API: callbacks around sends ({@link org.mercurymq.client.hook.SendMessageHook},
 * {@link org.mercurymq.client.hook.CheckForbiddenHook}), transaction ends
 * ({@link org.mercurymq.client.hook.EndTransactionHook}), consumption
 * ({@link org.mercurymq.client.hook.ConsumeMessageHook}) and pulled-message filtering
 * ({@link org.mercurymq.client.hook.FilterMessageHook}), each with its context value object. Where the
 * engines call them and which fields they fill: docs/client.md "Hooks".
 */
package org.mercurymq.client.hook;
