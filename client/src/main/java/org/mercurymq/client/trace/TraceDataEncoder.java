package org.mercurymq.client.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mercurymq.client.AccessChannel;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageType;

/**
 * RocketMQ 4.9's text encoding of trace records (docs/client.md "Message trace"): fields separated by
 * {@link TraceConstants#CONTENT_SPLITOR}, each record ended by {@link TraceConstants#FIELD_SPLITOR}; values are their
 * Java text, so a missing tag or key is the four letters {@code null}. Stateless and thread-safe.
 */
public class TraceDataEncoder {
    private static final String RECORD_END = String.valueOf(TraceConstants.FIELD_SPLITOR);
    private static final String FIELD_END = String.valueOf(TraceConstants.CONTENT_SPLITOR);

    /** Decodes every record of a trace message body; unknown record types are skipped. */
    public static List<TraceContext> decoderFromTraceDataString(String traceData) {
        List<TraceContext> out = new ArrayList<TraceContext>();
        if (traceData == null || traceData.isEmpty()) {
            return out;
        }
        for (String record : traceData.split(RECORD_END)) {
            String[] line = record.split(FIELD_END);
            if (line[0].equals(TraceType.Pub.name())) {
                out.add(decodePub(line));
            } else if (line[0].equals(TraceType.SubBefore.name())) {
                out.add(decodeSubBefore(line));
            } else if (line[0].equals(TraceType.SubAfter.name())) {
                out.add(decodeSubAfter(line));
            } else if (line[0].equals(TraceType.EndTransaction.name())) {
                out.add(decodeEndTransaction(line));
            }
        }
        return out;
    }

    private static TraceContext decodePub(String[] line) {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(TraceType.Pub);
        ctx.setTimeStamp(Long.parseLong(line[1]));
        ctx.setRegionId(line[2]);
        ctx.setGroupName(line[3]);
        TraceBean bean = new TraceBean();
        bean.setTopic(line[4]);
        bean.setMsgId(line[5]);
        bean.setTags(line[6]);
        bean.setKeys(line[7]);
        bean.setStoreHost(line[8]);
        bean.setBodyLength(Integer.parseInt(line[9]));
        ctx.setCostTime(Integer.parseInt(line[10]));
        bean.setMsgType(MessageType.values()[Integer.parseInt(line[11])]);
        if (line.length == 13) {
            // writers older than 4.x's offsetMsgId field
            ctx.setSuccess(Boolean.parseBoolean(line[12]));
        } else if (line.length >= 14) {
            bean.setOffsetMsgId(line[12]);
            ctx.setSuccess(Boolean.parseBoolean(line[13]));
            if (line.length >= 15) {
                bean.setClientHost(line[14]);
            }
        }
        ctx.setTraceBeans(one(bean));
        return ctx;
    }

    private static TraceContext decodeSubBefore(String[] line) {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(TraceType.SubBefore);
        ctx.setTimeStamp(Long.parseLong(line[1]));
        ctx.setRegionId(line[2]);
        ctx.setGroupName(line[3]);
        ctx.setRequestId(line[4]);
        TraceBean bean = new TraceBean();
        bean.setMsgId(line[5]);
        bean.setRetryTimes(Integer.parseInt(line[6]));
        bean.setKeys(line[7]);
        ctx.setTraceBeans(one(bean));
        return ctx;
    }

    private static TraceContext decodeSubAfter(String[] line) {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(TraceType.SubAfter);
        ctx.setRequestId(line[1]);
        TraceBean bean = new TraceBean();
        bean.setMsgId(line[2]);
        ctx.setCostTime(Integer.parseInt(line[3]));
        ctx.setSuccess(Boolean.parseBoolean(line[4]));
        bean.setKeys(line[5]);
        if (line.length >= 7) {
            ctx.setContextCode(Integer.parseInt(line[6]));
        }
        if (line.length >= 9) {
            ctx.setTimeStamp(Long.parseLong(line[7]));
            ctx.setGroupName(line[8]);
        }
        ctx.setTraceBeans(one(bean));
        return ctx;
    }

    private static TraceContext decodeEndTransaction(String[] line) {
        TraceContext ctx = new TraceContext();
        ctx.setTraceType(TraceType.EndTransaction);
        ctx.setTimeStamp(Long.parseLong(line[1]));
        ctx.setRegionId(line[2]);
        ctx.setGroupName(line[3]);
        TraceBean bean = new TraceBean();
        bean.setTopic(line[4]);
        bean.setMsgId(line[5]);
        bean.setTags(line[6]);
        bean.setKeys(line[7]);
        bean.setStoreHost(line[8]);
        bean.setMsgType(MessageType.values()[Integer.parseInt(line[9])]);
        bean.setTransactionId(line[10]);
        bean.setTransactionState(LocalTransactionState.valueOf(line[11]));
        bean.setFromTransactionCheck(Boolean.parseBoolean(line[12]));
        ctx.setTraceBeans(one(bean));
        return ctx;
    }

    private static List<TraceBean> one(TraceBean bean) {
        List<TraceBean> beans = new ArrayList<TraceBean>(1);
        beans.add(bean);
        return beans;
    }

    /**
     * Encodes one record (several for a SubBefore / SubAfter batch) and collects its keys: each bean's msgId and
     * its space-separated keys. Null for a context without type.
     */
    public static TraceTransferBean encoderFromContextBean(TraceContext ctx) {
        if (ctx == null || ctx.getTraceType() == null) {
            return null;
        }
        final char c = TraceConstants.CONTENT_SPLITOR;
        final char f = TraceConstants.FIELD_SPLITOR;
        StringBuilder sb = new StringBuilder(256);
        switch (ctx.getTraceType()) {
            case Pub: {
                TraceBean bean = ctx.getTraceBeans().get(0);
                sb.append(ctx.getTraceType()).append(c)
                    .append(ctx.getTimeStamp()).append(c)
                    .append(ctx.getRegionId()).append(c)
                    .append(ctx.getGroupName()).append(c)
                    .append(bean.getTopic()).append(c)
                    .append(bean.getMsgId()).append(c)
                    .append(bean.getTags()).append(c)
                    .append(bean.getKeys()).append(c)
                    .append(bean.getStoreHost()).append(c)
                    .append(bean.getBodyLength()).append(c)
                    .append(ctx.getCostTime()).append(c)
                    .append(bean.getMsgType().ordinal()).append(c)
                    .append(bean.getOffsetMsgId()).append(c)
                    .append(ctx.isSuccess()).append(f);
                break;
            }
            case SubBefore: {
                for (TraceBean bean : ctx.getTraceBeans()) {
                    sb.append(ctx.getTraceType()).append(c)
                        .append(ctx.getTimeStamp()).append(c)
                        .append(ctx.getRegionId()).append(c)
                        .append(ctx.getGroupName()).append(c)
                        .append(ctx.getRequestId()).append(c)
                        .append(bean.getMsgId()).append(c)
                        .append(bean.getRetryTimes()).append(c)
                        .append(bean.getKeys()).append(f);
                }
                break;
            }
            case SubAfter: {
                for (TraceBean bean : ctx.getTraceBeans()) {
                    sb.append(ctx.getTraceType()).append(c)
                        .append(ctx.getRequestId()).append(c)
                        .append(bean.getMsgId()).append(c)
                        .append(ctx.getCostTime()).append(c)
                        .append(ctx.isSuccess()).append(c)
                        .append(bean.getKeys()).append(c)
                        .append(ctx.getContextCode()).append(c);
                    // RocketMQ's cloud channel stops here, without a record end; readers cope
                    if (ctx.getAccessChannel() != AccessChannel.CLOUD) {
                        sb.append(ctx.getTimeStamp()).append(c)
                            .append(ctx.getGroupName()).append(f);
                    }
                }
                break;
            }
            case EndTransaction: {
                TraceBean bean = ctx.getTraceBeans().get(0);
                sb.append(ctx.getTraceType()).append(c)
                    .append(ctx.getTimeStamp()).append(c)
                    .append(ctx.getRegionId()).append(c)
                    .append(ctx.getGroupName()).append(c)
                    .append(bean.getTopic()).append(c)
                    .append(bean.getMsgId()).append(c)
                    .append(bean.getTags()).append(c)
                    .append(bean.getKeys()).append(c)
                    .append(bean.getStoreHost()).append(c)
                    .append(bean.getMsgType().ordinal()).append(c)
                    .append(bean.getTransactionId()).append(c)
                    .append(bean.getTransactionState().name()).append(c)
                    .append(bean.isFromTransactionCheck()).append(f);
                break;
            }
            default:
        }
        TraceTransferBean transfer = new TraceTransferBean();
        transfer.setTransData(sb.toString());
        for (TraceBean bean : ctx.getTraceBeans()) {
            transfer.getTransKey().add(bean.getMsgId());
            if (bean.getKeys() != null && !bean.getKeys().isEmpty()) {
                transfer.getTransKey().addAll(Arrays.asList(bean.getKeys().split(MessageConst.KEY_SEPARATOR)));
            }
        }
        return transfer;
    }
}
