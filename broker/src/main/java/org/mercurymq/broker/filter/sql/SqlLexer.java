package org.mercurymq.broker.filter.sql;

import java.util.Locale;
import java.util.Map;
import org.mercurymq.broker.filter.sql.Token.Kind;

/**
 * Splits a selector into tokens (docs/broker.md, "SQL92 filtering"): case-insensitive keywords, case-kept
 * identifiers {@code [A-Za-z_$][A-Za-z0-9_$]*}, single-quoted strings with {@code ''} for a quote, integers
 * ({@code 0} or no leading zero, optional {@code L}), decimals, the operators {@code = <> > >= < <= ( ) , + -},
 * {@code /* *}{@code /} comments and {@code --} comments that end with a line break. Not thread-safe.
 */
final class SqlLexer {
    private static final Map<String, Kind> KEYWORDS = Map.of("NOT", Kind.NOT, "AND", Kind.AND, "OR", Kind.OR,
        "BETWEEN", Kind.BETWEEN, "IN", Kind.IN, "TRUE", Kind.TRUE, "FALSE", Kind.FALSE, "NULL", Kind.NULL,
        "IS", Kind.IS);

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    SqlLexer(String text) {
        this.text = text;
    }

    /**
     * The next token, lexed on demand: like RocketMQ, text after the last token the parser looks at is never
     * lexed, so a bad character there is not an error.
     */
    Token next() throws SqlCompileException {
        skipBlanksAndComments();
        if (pos >= text.length()) {
            return new Token(Kind.EOF, "<EOF>", line, pos - lineStart + 1, pos);
        }
        return lex();
    }

    private void skipBlanksAndComments() throws SqlCompileException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '\n' || c == '\r') {
                newLine();
            } else if (c == '-' && text.startsWith("--", pos) && lineCommentEnd() > 0) {
                int end = lineCommentEnd();
                pos = end;
                line++;
                lineStart = pos;
            } else if (c == '/' && text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("unterminated /* comment", pos);
                }
                for (int i = pos; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private void newLine() {
        if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        lineStart = pos;
    }

    /** End (exclusive, after the line break) of a {@code --} comment, or -1 when no line break follows. */
    private int lineCommentEnd() {
        for (int i = pos + 2; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return -1;
    }

    private Token lex() throws SqlCompileException {
        int start = pos;
        char c = text.charAt(pos);
        if (isIdentifierStart(c)) {
            while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            Kind keyword = KEYWORDS.get(word.toUpperCase(Locale.ROOT));
            return token(keyword == null ? Kind.IDENTIFIER : keyword, start);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number(start);
        }
        if (c == '\'') {
            return string(start);
        }
        pos++;
        switch (c) {
            case '=':
                return token(Kind.EQ, start);
            case '>':
                return accept('=') ? token(Kind.GE, start) : token(Kind.GT, start);
            case '<':
                if (accept('>')) {
                    return token(Kind.NE, start);
                }
                return accept('=') ? token(Kind.LE, start) : token(Kind.LT, start);
            case '(':
                return token(Kind.LPAREN, start);
            case ')':
                return token(Kind.RPAREN, start);
            case ',':
                return token(Kind.COMMA, start);
            case '+':
                return token(Kind.PLUS, start);
            case '-':
                return token(Kind.MINUS, start);
            default:
                throw error("unexpected character '" + c + "'", start);
        }
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** The longest of: integer ({@code 0} | [1-9][0-9]*)[lL], decimal d+.d*[exp] | .d+[exp] | d+exp. */
    private Token number(int start) {
        int digitsEnd = skipDigits(start);
        int decimalEnd = -1;
        if (digitsEnd < text.length() && text.charAt(digitsEnd) == '.') {
            decimalEnd = exponentEnd(skipDigits(digitsEnd + 1));
        } else if (digitsEnd > start) {
            int withExponent = exponentEnd(digitsEnd);
            if (withExponent > digitsEnd) {
                decimalEnd = withExponent;
            }
        }
        if (decimalEnd > 0) {
            pos = decimalEnd;
            return token(Kind.DECIMAL, start);
        }
        // an integer: "0" alone, or a non-zero digit followed by digits
        pos = text.charAt(start) == '0' ? start + 1 : digitsEnd;
        if (pos < text.length() && (text.charAt(pos) == 'l' || text.charAt(pos) == 'L')) {
            pos++;
        }
        return token(Kind.INTEGER, start);
    }

    private int skipDigits(int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private int exponentEnd(int from) {
        if (from < text.length() && (text.charAt(from) == 'e' || text.charAt(from) == 'E')) {
            int i = from + 1;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int end = skipDigits(i);
            if (end > i) {
                return end;
            }
        }
        return from;
    }

    private Token string(int start) throws SqlCompileException {
        StringBuilder value = new StringBuilder();
        int startLine = line;
        int column = start - lineStart + 1;
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string literal", start);
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    value.append('\'');
                    pos++;
                } else {
                    break;
                }
            } else {
                if (c == '\n') {
                    line++;
                    lineStart = pos;
                }
                value.append(c);
            }
        }
        return new Token(Kind.STRING, value.toString(), startLine, column, start);
    }

    private Token token(Kind kind, int start) {
        return new Token(kind, text.substring(start, pos), line, start - lineStart + 1, start);
    }

    private SqlCompileException error(String what, int at) {
        return new SqlCompileException("Lexical error at line " + line + ", column " + (at - lineStart + 1) + ": "
            + what);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
