package org.mercurymq.broker.filter.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mercurymq.broker.filter.sql.Token.Kind;

/**
 * Recursive-descent parser for RocketMQ 4.9.x selectors, lowest precedence first:
 * <pre>
 * selector := or                            (must be boolean-valued; the rest of the text is ignored)
 * or       := and { OR and }
 * and      := eq { AND eq }
 * eq       := cmp { '=' cmp | '&lt;&gt;' cmp | IS [NOT] NULL }
 * cmp      := unary { ('&gt;'|'&gt;='|'&lt;'|'&lt;=') unary | [NOT] BETWEEN unary AND unary
 *                     | [NOT] IN '(' string { ',' string } ')' }
 * unary    := '+' unary | '-' unary | NOT unary | primary     (NOT binds tighter than comparisons)
 * primary  := literal | identifier | '(' or ')'
 * </pre>
 * The compile-time checks of RocketMQ are applied while building the tree (non-numeric operands of ordering
 * operators, NULL compared with {@code =}, reversed constant BETWEEN bounds, IN on a non-property).
 * Not thread-safe; use {@link #compile}.
 */
public final class SqlParser {
    private final SqlLexer lexer;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private SqlParser(SqlLexer lexer) {
        this.lexer = lexer;
    }

    /**
     * Compiles a selector or throws with the reason (and position for lexical and syntax errors). Like RocketMQ
     * 4.9.7, parsing stops after the longest complete expression: text after it is ignored (and reported by
     * {@link SqlSelector#ignoredTail()}), so {@code a = 1 LIKE 'x'} compiles as {@code a = 1}.
     */
    public static SqlSelector compile(String sql) throws SqlCompileException {
        if (sql == null || sql.isEmpty()) {
            throw new SqlCompileException("empty SQL92 expression");
        }
        SqlParser parser = new SqlParser(new SqlLexer(sql));
        Expression e = asBoolean(parser.or());
        Token rest = parser.peek();
        String tail = rest.kind() == Kind.EOF ? null : sql.substring(rest.offset());
        return new SqlSelector(sql, e, tail);
    }

    private Token peek() throws SqlCompileException {
        return lookahead(0);
    }

    private Token lookahead(int n) throws SqlCompileException {
        while (tokens.size() <= at + n) {
            Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
            tokens.add(last != null && last.kind() == Kind.EOF ? last : lexer.next());
        }
        return tokens.get(at + n);
    }

    private boolean accept(Kind kind) throws SqlCompileException {
        if (peek().kind() == kind) {
            at++;
            return true;
        }
        return false;
    }

    private Token expect(Kind kind, String expecting) throws SqlCompileException {
        Token t = peek();
        if (t.kind() != kind) {
            throw unexpected(t, expecting);
        }
        at++;
        return t;
    }

    private static SqlCompileException unexpected(Token t, String expecting) {
        String found = t.kind() == Kind.EOF ? "<EOF>" : "\"" + (t.kind() == Kind.STRING ? "'" + t.text() + "'" : t.text()) + "\"";
        return new SqlCompileException("Encountered " + found + " at " + t.where() + ". Was expecting " + expecting);
    }

    private Expression or() throws SqlCompileException {
        Expression left = and();
        while (accept(Kind.OR)) {
            Expression right = and();
            left = Logical.or(asBoolean(left), asBoolean(right));
        }
        return left;
    }

    private Expression and() throws SqlCompileException {
        Expression left = equality();
        while (accept(Kind.AND)) {
            Expression right = equality();
            left = Logical.and(asBoolean(left), asBoolean(right));
        }
        return left;
    }

    private Expression equality() throws SqlCompileException {
        Expression left = comparison();
        while (true) {
            if (accept(Kind.EQ)) {
                left = equal(left, comparison());
            } else if (accept(Kind.NE)) {
                left = new Not(equal(left, comparison()));
            } else if (accept(Kind.IS)) {
                boolean not = accept(Kind.NOT);
                expect(Kind.NULL, not ? "NULL" : "NOT or NULL");
                Expression isNull = new Comparison(Comparison.Op.EQ, left, Constant.NULL);
                left = not ? new Not(isNull) : isNull;
            } else {
                return left;
            }
        }
    }

    private Expression comparison() throws SqlCompileException {
        Expression left = unary();
        while (true) {
            Kind k = peek().kind();
            if (k == Kind.GT || k == Kind.GE || k == Kind.LT || k == Kind.LE) {
                at++;
                left = ordering(op(k), left, unary());
            } else if (k == Kind.BETWEEN) {
                at++;
                left = between(left, false);
            } else if (k == Kind.IN) {
                at++;
                left = in(left, false);
            } else if (k == Kind.NOT) {
                // after an operand NOT can only start NOT BETWEEN / NOT IN (RocketMQ rejects anything else here)
                if (!next(Kind.BETWEEN) && !next(Kind.IN)) {
                    throw unexpected(peek(), "BETWEEN, IN, an operator or the end");
                }
                at++;
                left = accept(Kind.BETWEEN) ? between(left, true) : inAfterKeyword(left);
            } else {
                return left;
            }
        }
    }

    private Expression inAfterKeyword(Expression left) throws SqlCompileException {
        expect(Kind.IN, "IN");
        return in(left, true);
    }

    private boolean next(Kind kind) throws SqlCompileException {
        return lookahead(1).kind() == kind;
    }

    private static Comparison.Op op(Kind k) {
        switch (k) {
            case GT:
                return Comparison.Op.GT;
            case GE:
                return Comparison.Op.GE;
            case LT:
                return Comparison.Op.LT;
            default:
                return Comparison.Op.LE;
        }
    }

    private Expression between(Expression value, boolean not) throws SqlCompileException {
        Expression low = unary();
        expect(Kind.AND, "AND");
        Expression high = unary();
        // RocketMQ checks constant bounds of BETWEEN only, not of NOT BETWEEN
        if (!not && low instanceof Constant && high instanceof Constant) {
            Object l = ((Constant) low).value();
            Object h = ((Constant) high).value();
            if (l == null || h == null) {
                throw new SqlCompileException("Illegal values of between, values can not be null!");
            }
            if (l instanceof Number && h instanceof Number
                && Double.compare(((Number) l).doubleValue(), ((Number) h).doubleValue()) > 0) {
                throw new SqlCompileException("Illegal values of between, left value(" + l
                    + ") must less than or equal to right value(" + h + ")");
            }
        }
        if (not) {
            return Logical.or(ordering(Comparison.Op.LT, value, low), ordering(Comparison.Op.GT, value, high));
        }
        return Logical.and(ordering(Comparison.Op.GE, value, low), ordering(Comparison.Op.LE, value, high));
    }

    private Expression in(Expression left, boolean not) throws SqlCompileException {
        expect(Kind.LPAREN, "(");
        Set<String> values = new LinkedHashSet<>();
        do {
            values.add(expect(Kind.STRING, "<STRING>").text());
        } while (accept(Kind.COMMA));
        expect(Kind.RPAREN, "\",\" or \")\"");
        if (!(left instanceof Property)) {
            throw new SqlCompileException("Expected a property for In expression, got: " + left);
        }
        return new In(left, Set.copyOf(values), not);
    }

    private Expression unary() throws SqlCompileException {
        if (accept(Kind.PLUS)) {
            return unary();
        }
        if (accept(Kind.MINUS)) {
            return new Negate(unary());
        }
        if (accept(Kind.NOT)) {
            return new Not(asBoolean(unary()));
        }
        return primary();
    }

    private Expression primary() throws SqlCompileException {
        Token t = peek();
        at++;
        switch (t.kind()) {
            case STRING:
                return Constant.of(t.text());
            case INTEGER:
                return Constant.of(integer(t));
            case DECIMAL:
                return Constant.of(decimal(t));
            case TRUE:
                return Constant.TRUE;
            case FALSE:
                return Constant.FALSE;
            case NULL:
                return Constant.NULL;
            case IDENTIFIER:
                return new Property(t.text());
            case LPAREN:
                Expression inner = or();
                expect(Kind.RPAREN, "\")\"");
                return inner;
            default:
                at--;
                throw unexpected(t, "a literal, a property, \"(\", NOT, \"+\" or \"-\"");
        }
    }

    private static Object integer(Token t) throws SqlCompileException {
        String digits = t.text();
        char last = digits.charAt(digits.length() - 1);
        if (last == 'l' || last == 'L') {
            digits = digits.substring(0, digits.length() - 1);
        }
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new SqlCompileException("integer " + t.text() + " at " + t.where() + " does not fit in 64 bits");
        }
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
    }

    private static Double decimal(Token t) throws SqlCompileException {
        double value = Double.parseDouble(t.text());
        if (value < Double.MIN_VALUE) {
            throw new SqlCompileException(value + " is less than " + Double.MIN_VALUE + " (decimal " + t.text()
                + " at " + t.where() + ")");
        }
        return value;
    }

    /** A property used as a boolean is cast; any other non-boolean node is an error. */
    private static Expression asBoolean(Expression e) throws SqlCompileException {
        if (e.isBoolean()) {
            return e;
        }
        if (e instanceof Property) {
            return new BooleanCast(e);
        }
        throw new SqlCompileException("Expression will not result in a boolean value: " + e);
    }

    private static Expression equal(Expression left, Expression right) throws SqlCompileException {
        for (Expression side : new Expression[] {left, right}) {
            if (side instanceof Constant && ((Constant) side).value() == null) {
                throw new SqlCompileException("'" + side + "' cannot be compared.");
            }
        }
        if (left instanceof Constant && right instanceof Constant && left.isBoolean() && !right.isBoolean()) {
            throw new SqlCompileException("'" + left + "' cannot be compared with '" + right + "'");
        }
        return new Comparison(Comparison.Op.EQ, left, right);
    }

    private static Expression ordering(Comparison.Op op, Expression left, Expression right) throws SqlCompileException {
        checkOrderable(left);
        checkOrderable(right);
        return new Comparison(op, left, right);
    }

    private static void checkOrderable(Expression e) throws SqlCompileException {
        boolean numericConstant = e instanceof Constant && ((Constant) e).value() instanceof Number;
        if (!numericConstant && (e instanceof Constant || e.isBoolean())) {
            throw new SqlCompileException("Value '" + e + "' cannot be compared.");
        }
    }
}
