package org.mercurymq.broker.filter.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL92 compiler and evaluator: every operator, precedence, null and type rules, errors with positions. */
class SqlParserTest {
    private static Map<String, String> props(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Boolean eval(String sql, String... kv) throws Exception {
        return SqlParser.compile(sql).evaluate(props(kv));
    }

    private static String compileError(String sql) {
        return assertThrows(SqlCompileException.class, () -> SqlParser.compile(sql)).getMessage();
    }

    @Test
    void comparisonOperators() throws Exception {
        assertEquals(true, eval("a > 5", "a", "10"));
        assertEquals(false, eval("a > 5", "a", "5"));
        assertEquals(true, eval("a >= 5", "a", "5"));
        assertEquals(true, eval("a < 5", "a", "4"));
        assertEquals(true, eval("a <= 5", "a", "5"));
        assertEquals(true, eval("a = 5", "a", "05"));
        assertEquals(false, eval("a <> 5", "a", "5"));
        assertEquals(true, eval("a = 'abc'", "a", "abc"));
        assertEquals(false, eval("a = '5'", "a", "05"));
        assertEquals(true, eval("a <> 'abc'", "a", "abd"));
        assertEquals(true, eval("a > 5.0", "a", "5.5"));
        assertEquals(true, eval("a > 3000000000", "a", "3000000001"));
        assertEquals(true, eval("a = TRUE", "a", "TRUE"));
        assertEquals(false, eval("a = TRUE", "a", "1"));
    }

    @Test
    void twoPropertiesCompareAsNumbersWithOrderingOperatorsAndAsStringsWithEquality() throws Exception {
        assertEquals(true, eval("a > b", "a", "10", "b", "9"));
        assertEquals(false, eval("a = b", "a", "10", "b", "10.0"));
        assertThrows(SqlEvaluationException.class, () -> eval("a > b", "a", "x", "b", "9"));
    }

    @Test
    void typeMismatchIsAnErrorNotAnException() {
        assertThrows(SqlEvaluationException.class, () -> eval("a > 5", "a", "5.5"));
        assertThrows(SqlEvaluationException.class, () -> eval("a > 5", "a", "3000000000"));
        assertThrows(SqlEvaluationException.class, () -> eval("a = 5", "a", "abc"));
    }

    @Test
    void missingPropertiesAreUnknown() throws Exception {
        assertNull(eval("a = 'abc'"));
        assertNull(eval("a <> 'x'"));
        assertNull(eval("a > 1"));
        assertNull(eval("a IN ('x')"));
        assertNull(eval("a NOT IN ('x')"));
        assertTrue(eval("a IS NULL"));
        assertFalse(eval("a IS NOT NULL"));
        assertEquals(true, eval("a <> 'x' OR b = 'y'", "b", "y"));
        assertNull(eval("a <> 'x' AND b = 'y'", "b", "y"));
        // a literal on the left: a missing right side gives FALSE, so <> gives TRUE (as RocketMQ)
        assertEquals(true, eval("'x' <> a"));
    }

    @Test
    void logicAndNot() throws Exception {
        assertEquals(true, eval("a = 1 AND b = 2", "a", "1", "b", "2"));
        assertEquals(false, eval("a = 1 AND b = 2", "a", "1", "b", "3"));
        assertEquals(true, eval("a = 1 OR b = 2", "a", "0", "b", "2"));
        assertEquals(true, eval("NOT (a = 1)", "a", "2"));
        assertNull(eval("NOT (a = 1)"));
        // a property used as a boolean is FALSE even for "true"
        assertEquals(false, eval("a", "a", "true"));
    }

    @Test
    void precedence() throws Exception {
        // AND binds tighter than OR
        assertEquals(true, eval("a = 1 OR b = 1 AND c = 1", "a", "1", "b", "0", "c", "0"));
        assertEquals(false, eval("(a = 1 OR b = 1) AND c = 1", "a", "1", "b", "0", "c", "0"));
        // NOT binds tighter than comparisons: (NOT a) = 1
        assertEquals(false, eval("NOT a = 1", "a", "1"));
        assertEquals(true, eval("a BETWEEN 1 AND 3 AND b = 3", "a", "2", "b", "3"));
        assertEquals(true, eval("a > -5", "a", "-4"));
    }

    @Test
    void betweenAndIn() throws Exception {
        assertEquals(true, eval("a BETWEEN 1 AND 3", "a", "3"));
        assertEquals(false, eval("a BETWEEN 1 AND 3", "a", "4"));
        assertEquals(true, eval("a NOT BETWEEN 1 AND 3", "a", "4"));
        assertEquals(true, eval("TAGS IN ('TagA', 'TagB')", "TAGS", "TagB"));
        assertEquals(false, eval("TAGS IN ('TagA')", "TAGS", "taga"));
        assertEquals(true, eval("TAGS NOT IN ('TagA')", "TAGS", "TagC"));
        assertEquals(true, eval("q IN ('it''s')", "q", "it's"));
    }

    @Test
    void keywordsAreCaseInsensitivePropertiesAreNot() throws Exception {
        assertEquals(true, eval("a between 1 and 3 or b is null", "a", "2"));
        assertNull(eval("tags = 'TagA'", "TAGS", "TagA"));
    }

    @Test
    void commentsAndWhitespace() throws Exception {
        assertEquals(true, eval("a = 1 /* x */ AND -- rest of line\n b = 2", "a", "1", "b", "2"));
        assertEquals(true, eval("a\n=\r\n1", "a", "1"));
    }

    @Test
    void textAfterACompleteExpressionIsIgnoredAsInRocketMq() throws Exception {
        SqlSelector s = SqlParser.compile("a = 1 LIKE 'x%'");
        assertEquals("LIKE 'x%'", s.ignoredTail());
        assertEquals(true, s.evaluate(props("a", "1")));
        assertNull(SqlParser.compile("a = 1").ignoredTail());
    }

    @Test
    void syntaxErrorsNameThePosition() {
        assertEquals("Encountered <EOF> at line 1, column 10. Was expecting a literal, a property, \"(\", NOT, \"+\" or \"-\"",
            compileError("a = 1 AND"));
        assertTrue(compileError("a = 1 AND\n  b = ").contains("line 2, column 7"), compileError("a = 1 AND\n  b = "));
        assertTrue(compileError("a IN ()").contains("line 1, column 7"), compileError("a IN ()"));
        assertTrue(compileError("a = 'open").startsWith("Lexical error at line 1, column 5"), compileError("a = 'open"));
        assertTrue(compileError("a = 1 AND b = #").startsWith("Lexical error at line 1, column 15"));
        assertTrue(compileError("a NOT = 1").contains("line 1, column 3"));
        assertTrue(compileError("").contains("empty"));
    }

    @Test
    void compileTimeChecks() {
        assertTrue(compileError("a > 'x'").contains("cannot be compared"));
        assertTrue(compileError("a > TRUE").contains("cannot be compared"));
        assertTrue(compileError("NOT a > 1").contains("cannot be compared"));
        assertTrue(compileError("a = NULL").contains("'NULL' cannot be compared"));
        assertTrue(compileError("TRUE = 5").contains("'TRUE' cannot be compared with '5'"));
        assertTrue(compileError("a BETWEEN 3 AND 1").contains("Illegal values of between"));
        assertTrue(compileError("a BETWEEN NULL AND 1").contains("can not be null"));
        assertTrue(compileError("5").contains("will not result in a boolean value"));
        assertTrue(compileError("-a").contains("will not result in a boolean value"));
        assertTrue(compileError("5 IN ('5')").contains("Expected a property for In expression"));
        assertTrue(compileError("a > 0.0").contains("is less than 4.9E-324"));
        assertTrue(compileError("a > 99999999999999999999").contains("does not fit in 64 bits"));
    }
}
