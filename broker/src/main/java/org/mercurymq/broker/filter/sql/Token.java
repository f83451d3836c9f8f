package org.mercurymq.broker.filter.sql;

/** One lexical token with its 1-based line and column and its 0-based offset in the expression text. */
record Token(Kind kind, String text, int line, int column, int offset) {
    enum Kind {
        EOF("<EOF>"), IDENTIFIER("<IDENTIFIER>"), STRING("<STRING>"), INTEGER("<INTEGER>"), DECIMAL("<DECIMAL>"),
        NOT("NOT"), AND("AND"), OR("OR"), BETWEEN("BETWEEN"), IN("IN"), TRUE("TRUE"), FALSE("FALSE"), NULL("NULL"),
        IS("IS"), EQ("="), NE("<>"), GT(">"), GE(">="), LT("<"), LE("<="), LPAREN("("), RPAREN(")"), COMMA(","),
        PLUS("+"), MINUS("-");

        final String display;

        Kind(String display) {
            this.display = display;
        }
    }

    String where() {
        return "line " + line + ", column " + column;
    }
}
