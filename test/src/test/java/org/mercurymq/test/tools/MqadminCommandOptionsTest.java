package org.mercurymq.test.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mercurymq.tools.command.MQAdminStartup;
import org.mercurymq.tools.command.SubCommand;

/**
 * Each mqadmin command listed has the name, description and options (short and long name, argument, required) of
 * the official RocketMQ 4.9.7 command class, read from the official tools jar. Options -h and -n, which both add
 * for every command, are left out.
 */
class MqadminCommandOptionsTest {
    @ParameterizedTest
    @CsvSource({
        "updateTopicPerm, topic.UpdateTopicPermSubCommand",
        "topicClusterList, topic.TopicClusterSubCommand",
        "updateOrderConf, topic.UpdateOrderConfCommand",
        "allocateMQ, topic.AllocateMQSubCommand",
        "cloneGroupOffset, offset.CloneGroupOffsetCommand",
        "skipAccumulatedMessage, offset.SkipAccumulationSubCommand",
        "getConsumerConfig, consumer.GetConsumerConfigSubCommand",
        "queryMsgByOffset, message.QueryMsgByOffsetSubCommand",
        "queryMsgTraceById, message.QueryMsgTraceByIdSubCommand",
        "printMsg, message.PrintMessageSubCommand",
        "printMsgByQueue, message.PrintMessageByQueueCommand",
        "sendMessage, message.SendMessageCommand",
        "consumeMessage, message.ConsumeMessageCommand",
        "checkMsgSendRT, message.CheckMsgSendRTCommand",
        "sendMsgStatus, broker.SendMsgStatusCommand",
        "clusterRT, cluster.CLusterSendMsgRTCommand",
        "exportMetrics, export.ExportMetricsCommand",
        "startMonitoring, consumer.StartMonitoringSubCommand"})
    void sameNameDescriptionAndOptionsAsRocketMq(String name, String officialClass) throws Exception {
        org.apache.rocketmq.tools.command.SubCommand official = (org.apache.rocketmq.tools.command.SubCommand)
            Class.forName("org.apache.rocketmq.tools.command." + officialClass).getDeclaredConstructor().newInstance();
        SubCommand mercury = null;
        for (SubCommand c : MQAdminStartup.commands()) {
            if (c.commandName().equals(name)) {
                mercury = c;
            }
        }
        assertNotNull(mercury, name + " is not registered");
        assertEquals(official.commandName(), mercury.commandName());
        assertEquals(official.commandDesc(), mercury.commandDesc(), name);
        assertEquals(describe(official.buildCommandlineOptions(new org.apache.commons.cli.Options()).getOptions()),
            describe(mercury.buildOptions(new org.apache.commons.cli.Options()).getOptions()), name);
    }

    private static Map<String, String> describe(java.util.Collection<?> options) {
        Map<String, String> out = new TreeMap<>();
        for (Object o : options) {
            org.apache.commons.cli.Option op = (org.apache.commons.cli.Option) o;
            out.put(op.getOpt(), "--" + op.getLongOpt() + " arg=" + op.hasArg() + " required=" + op.isRequired()
                + " : " + op.getDescription());
        }
        return out;
    }
}
