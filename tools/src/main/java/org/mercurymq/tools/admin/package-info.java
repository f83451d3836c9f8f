/**
 * The admin API behind mqadmin: {@link org.mercurymq.tools.admin.DefaultMQAdminExt} with RocketMQ 4.9.7's
 * method names, built on {@link org.mercurymq.tools.admin.NamesrvAdminApi} and
 * {@link org.mercurymq.tools.admin.BrokerAdminApi}, which send one request each over a shared
 * {@link org.mercurymq.tools.admin.AdminRemoting}. Non-success replies become {@link org.mercurymq.tools.admin.MQAdminException}.
 */
package org.mercurymq.tools.admin;
