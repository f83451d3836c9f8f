package org.mercurymq.test.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.filter.FilterFactory;
import org.apache.rocketmq.filter.expression.EvaluationContext;
import org.junit.jupiter.api.Test;
import org.mercurymq.broker.filter.sql.SqlCompileException;
import org.mercurymq.broker.filter.sql.SqlParser;
import org.mercurymq.broker.filter.sql.SqlSelector;

/**
 * Mercury's SQL92 compiler and evaluator against Apache RocketMQ 4.9.7's own (rocketmq-filter, test scope) as the
 * oracle: for every expression both must agree whether it compiles, and for every property set whether the
 * result is TRUE, FALSE, unknown or an evaluation error. In-process, a few hundred ms.
 */
class SqlFilterDifferentialTest {
    static final List<String> EXPRESSIONS = List.of(
        // comparisons, every operator, literal types
        "a > 5", "a >= 5", "a < 5", "a <= 5", "a = 5", "a <> 5", "a > 5.0", "a < 5.5", "a = 5.0", "a <> 5.0",
        "a > 3000000000", "a = 3000000000", "a > 5L", "a = 10L", "a > 1e1", "a >= .5", "a > 1.", "a > 1.5e-3",
        "a = 'abc'", "a <> 'abc'", "a = '10'", "a = ''", "'abc' = a", "'abc' <> a", "5 = a", "5 <> a", "5 < a",
        "5.0 > a", "a > b", "a >= b", "a < b", "a = b", "a <> b", "b = a", "a > -5", "a > - 5", "a > +5", "a > -(-5)",
        "a > -b", "-a > 5", "a = TRUE", "a = FALSE", "a <> TRUE", "TRUE = a", "FALSE = a", "a = (b = 1)",
        "(b = 1) = a", "(a = 1) = TRUE", "(a = 1) <> FALSE", "NOT a = 1", "NOT (a = 1)", "NOT a", "a", "NOT NOT a",
        "a AND b", "a OR b", "TRUE", "FALSE", "NULL", "NOT NULL", "TRUE AND a = 1", "NOT TRUE", "TRUE = TRUE",
        "TRUE <> FALSE", "1 = 1", "1 = 1.0", "1 < 2", "1 > 2L", "2.5 > 2", "'a' = 'a'", "'a' = 'b'", "1 = '1'",
        "'1' = 1",
        // null handling
        "a IS NULL", "a IS NOT NULL", "x IS NULL", "x IS NOT NULL", "x = 1", "x <> 1", "x > 1", "x = 'abc'",
        "x <> 'abc'", "a = x", "x = a", "x = y", "x <> y", "x > y", "(a > 5) IS NULL", "(x > 5) IS NULL", "NULL IS NULL",
        "1 IS NOT NULL", "x <> 'x' OR b = 'y'", "x <> 'x' AND b = 'y'", "NOT (x = 1)",
        // type mismatch
        "s > 5", "s = 5", "s <> 5", "s > 5.0", "s = 'hello'", "s > a", "f > 5", "f > 5.0", "f = 5.5", "f < 6",
        "big > 5", "big > 5L", "big > 2147483647", "big = 3000000000", "z = 5", "z = '05'", "z > 4.9", "t = TRUE",
        "t = FALSE", "t = 'true'", "t > 0", "n = TRUE", "(a = 10) = s", "(a = 10) > 1",
        // AND / OR / precedence and short-circuit around errors
        "a > 5 AND b = 1", "a > 5 OR b = 1", "s > 5 OR b = 1", "b = 1 OR s > 5", "s > 5 AND b = 2", "b = 2 AND s > 5",
        "a = 10 OR b = 1 AND c = 'x'", "(a = 10 OR b = 1) AND c = 'x'", "a = 10 AND b = 1 OR c = 'x'",
        "a = 10 AND (b = 1 OR c = 'x')", "NOT a = 10 AND b = 1", "NOT (a = 10 AND b = 2)", "a BETWEEN 1 AND 20 AND b = 1",
        "a = 10 = TRUE", "a > 5 = TRUE", "a = 1 OR x = 1", "x = 1 OR a = 10", "x = 1 AND a = 10",
        // BETWEEN
        "a BETWEEN 1 AND 20", "a BETWEEN 10 AND 10", "a NOT BETWEEN 1 AND 20", "a NOT BETWEEN 11 AND 20",
        "a BETWEEN 3 AND 1", "a NOT BETWEEN 3 AND 1", "a BETWEEN 1.5 AND 20.5", "a BETWEEN 1 AND 2.5",
        "a BETWEEN -5 AND 20", "a BETWEEN 20 AND -5", "a BETWEEN b AND 20", "a BETWEEN NULL AND 5",
        "a BETWEEN 1 AND NULL", "a BETWEEN 'a' AND 'z'", "x BETWEEN 1 AND 2", "x NOT BETWEEN 1 AND 2",
        "s BETWEEN 1 AND 2", "f BETWEEN 5 AND 6", "f BETWEEN 5.0 AND 6.0",
        // IN
        "c IN ('x', 'y')", "c IN ('X')", "c NOT IN ('x')", "c NOT IN ('q', 'r')", "x IN ('x')", "x NOT IN ('x')",
        "TAGS IN ('TagA', 'TagB')", "TAGS NOT IN ('TagA')", "TAGS = 'TagA'", "tags = 'TagA'", "a IN ('10')",
        "(c) IN ('x')", "a IN (10)", "a IN ()", "'x' IN ('x')", "c IN ('x',)", "c IN ('it''s')", "q = 'it''s'",
        // syntax and compile errors
        "a > 'x'", "'x' < a", "a > TRUE", "a > NULL", "a = NULL", "NULL = a", "a <> NULL", "TRUE = 5", "5 = TRUE",
        "FALSE = 'x'", "a > (b = 1)", "(b = 1) < 5", "NOT a > 1", "5", "'abc'", "-a", "a + 1", "a - 1", "a * 2",
        "a == 1", "a != 1", "a LIKE 'x%'", "a CONTAINS 'x'", "a STARTSWITH 'x'", "a > 05", "a > 0", "a > 0.0",
        "a > 0.", "a > .0", "a > 1e-400", "a > 0x10", "a > 99999999999999999999", "a > 9223372036854775807",
        "a = \"x\"", "a.b = 1", "a-b = 1", "(a = 1", "a = 1)", "", "   ", "a = 1 AND", "AND a = 1", "a IS 1",
        "a IS NOT 1", "a BETWEEN 1", "a NOT = 1", "5 AND a = 1", "a = 1 AND 5", "NOT 5", "NOT 'x'",
        "a = 1 -- comment\n", "a = 1 -- comment", "a = 1 ) .", "a = 1 .", "a = 1 NOT .", "a = 1 ) 'open", "a = 1 'open",
        "a = 1;", "a = 1 ; .", "a = 1 OR", "a = 1 b = 2", "a IN ('x') OR b", "a = 1 /* c */ AND b = 1", "/* c */ a = 1", "a = 1 /* open",
        "a\n=\n10", "a = 'unterminated", "$x = 1", "_y = 1", "a1 = 1", "1a = 1", "and = 1", "Tags = 'TagA'",
        "a = 10 and b = 1", "a between 1 and 20", "a is null", "c not in ('q')", "true", "a = True");

    static final List<Map<String, String>> PROPERTY_SETS = propertySets();

    private static List<Map<String, String>> propertySets() {
        List<Map<String, String>> sets = new ArrayList<>();
        sets.add(props());
        sets.add(props("a", "10", "b", "1", "c", "x", "TAGS", "TagA"));
        sets.add(props("a", "5", "b", "2", "c", "y", "TAGS", "TagB"));
        sets.add(props("a", "10", "b", "9", "s", "hello", "f", "5.5", "big", "3000000000"));
        sets.add(props("a", "05", "z", "05", "t", "TRUE", "n", "1", "q", "it's"));
        sets.add(props("a", "-3", "b", "-3", "c", "X", "TAGS", "TagC", "tags", "TagA"));
        sets.add(props("a", "5.5", "b", "abc", "f", "NaN", "s", "", "t", "false"));
        sets.add(props("a", "20", "b", "1", "c", "q", "x", "1", "y", "1"));
        sets.add(props("a", " 7", "b", "1e3", "f", "Infinity", "big", "9223372036854775807"));
        sets.add(props("a", "true", "b", "TRUE", "c", "it's", "x", "", "y", ""));
        sets.add(props("a", "11", "f", "6", "s", "5"));
        sets.add(props("a", "1", "b", "1", "c", "x", "x", "x"));
        return sets;
    }

    static Map<String, String> props(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void mercuryAgreesWithApacheOnEveryExpressionAndPropertySet() {
        List<String> mismatches = new ArrayList<>();
        int compiled = 0;
        for (String sql : EXPRESSIONS) {
            org.apache.rocketmq.filter.expression.Expression apache = null;
            Exception apacheError = null;
            try {
                apache = FilterFactory.INSTANCE.get("SQL92").compile(sql);
            } catch (Exception e) {
                apacheError = e;
            }
            SqlSelector mercury = null;
            SqlCompileException mercuryError = null;
            try {
                mercury = SqlParser.compile(sql);
            } catch (SqlCompileException e) {
                mercuryError = e;
            }
            if ((apache == null) != (mercury == null)) {
                mismatches.add("compile [" + sql + "]: apache " + (apache == null ? "error " + apacheError : "ok")
                    + ", mercury " + (mercury == null ? "error " + mercuryError.getMessage() : "ok"));
                continue;
            }
            if (mercury == null) {
                continue;
            }
            compiled++;
            for (Map<String, String> p : PROPERTY_SETS) {
                String a = apacheOutcome(apache, p);
                String m = mercuryOutcome(mercury, p);
                if (!a.equals(m)) {
                    mismatches.add("eval [" + sql + "] " + p + ": apache " + a + ", mercury " + m);
                }
            }
        }
        System.out.println("SQL92 differential: " + EXPRESSIONS.size() + " expressions (" + compiled + " compiled) x "
            + PROPERTY_SETS.size() + " property sets, " + mismatches.size() + " mismatches");
        mismatches.forEach(System.out::println);
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches, first: " + mismatches.get(0));
        assertTrue(compiled > 100, "too few expressions compiled: " + compiled);
    }

    @Test
    void bloomParametersAndBitPositionsAreRocketMqs() {
        int[][] params = {{20, 32}, {1, 1}, {50, 100}, {99, 7}, {10, 1000}};
        String[] keys = {"G#T", "group-1#TopicTest", "", "%RETRY%cg#x", "ünïcødé#主题", "a-much-longer-consumer-group-name#topic-with-a-long-name-too"};
        for (int[] p : params) {
            org.apache.rocketmq.filter.util.BloomFilter apache =
                org.apache.rocketmq.filter.util.BloomFilter.createByFn(p[0], p[1]);
            org.mercurymq.broker.filter.BloomFilter mercury = org.mercurymq.broker.filter.BloomFilter.create(p[0], p[1]);
            assertEquals(apache.getK(), mercury.k(), "k for f=" + p[0] + " n=" + p[1]);
            assertEquals(apache.getM(), mercury.m(), "m for f=" + p[0] + " n=" + p[1]);
            for (String key : keys) {
                assertArrayEquals(apache.calcBitPositions(key), mercury.bitPositions(key), key);
            }
        }
    }

    static String apacheOutcome(org.apache.rocketmq.filter.expression.Expression e, Map<String, String> p) {
        try {
            return String.valueOf(e.evaluate(new Context(p)));
        } catch (Exception ex) {
            return "ERROR";
        }
    }

    static String mercuryOutcome(SqlSelector e, Map<String, String> p) {
        try {
            return String.valueOf(e.evaluate(p));
        } catch (Exception ex) {
            return "ERROR";
        }
    }

    private static final class Context implements EvaluationContext {
        private final Map<String, String> properties;

        Context(Map<String, String> properties) {
            this.properties = properties;
        }

        @Override
        public Object get(String name) {
            return properties.get(name);
        }

        @Override
        public Map<String, Object> keyValues() {
            return new HashMap<>(properties);
        }
    }
}
