/**
 * mqadmin: {@link org.mercurymq.tools.command.MQAdminStartup} parses the command line with commons-cli and runs
 * one {@link org.mercurymq.tools.command.SubCommand}; the commands live in sub-packages by subject (topic,
 * cluster, broker, consumer, connection, message, offset, namesrv) with RocketMQ's names and option letters.
 */
package org.mercurymq.tools.command;
