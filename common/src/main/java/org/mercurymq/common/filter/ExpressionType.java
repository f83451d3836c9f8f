package org.mercurymq.common.filter;

/** Subscription expression languages. Mercury evaluates TAG expressions; SQL92 is parsed by name only. */
public final class ExpressionType {
    public static final String SQL92 = "SQL92";
    public static final String TAG = "TAG";

    private ExpressionType() {
    }

    public static boolean isTagType(String type) {
        return type == null || "".equals(type) || TAG.equals(type);
    }
}
