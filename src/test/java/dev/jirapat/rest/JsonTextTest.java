package dev.jirapat.rest;

import dev.jirapat.rest.JsonInput.Kind;
import dev.jirapat.rest.JsonRefusal.Problem;
import org.junit.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** {@link JsonText}: strict RFC 8259, one value, no duplicate names, bounded depth; each refusal says what and where. */
public class JsonTextTest {
    /** Text, then the problem, line and column it must be refused with. */
    private static void assertRefused(Object[][] table) {
        for (Object[] row : table) {
            String text = (String) row[0];
            try {
                JsonText.parse(text);
                fail("accepted: " + text);
            } catch (JsonRefusal refusal) {
                assertEquals("problem of " + text, row[1], refusal.problem());
                if (row.length > 2) {
                    assertEquals("line of " + text, row[2], refusal.line());
                    assertEquals("column of " + text, row[3], refusal.column());
                }
            }
        }
    }

    private static JsonInput parse(String text) {
        try {
            return JsonText.parse(text);
        } catch (JsonRefusal refusal) {
            throw new AssertionError("refused " + text + ": " + refusal.problem() + " at " + refusal.line() + ":" + refusal.column());
        }
    }

    private static JsonInput object(Object... nameValue) {
        Map<String, JsonInput> members = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            members.put((String) nameValue[i], (JsonInput) nameValue[i + 1]);
        }
        return JsonInput.object(members);
    }

    private static JsonInput array(JsonInput... elements) {
        return JsonInput.array(Arrays.asList(elements), false);
    }

    private static JsonInput integer(String literal) {
        return JsonInput.number(literal, true);
    }

    @Test
    public void parseWhenTrailingContentThenRefused() {
        assertRefused(new Object[][] {
                {"{\"name\":\"ci\"} {\"expirationDuration\":30}", Problem.TRAILING, 1, 15},
                {"{\"name\":\"ci\"}{}", Problem.TRAILING, 1, 14},
                {"{} null", Problem.TRAILING, 1, 4},
                {"[1] [2]", Problem.TRAILING, 1, 5},
                {"[1],", Problem.TRAILING, 1, 4},
                {"{}}", Problem.TRAILING, 1, 3},
                {"{}]", Problem.TRAILING, 1, 3},
                {"1 2", Problem.TRAILING, 1, 3},
                {"\"a\" \"b\"", Problem.TRAILING, 1, 5},
                {"true false", Problem.TRAILING, 1, 6},
                {"null x", Problem.TRAILING, 1, 6},
                {"{}\n\n  x", Problem.TRAILING, 3, 3},
                {"{}\u0000", Problem.TRAILING, 1, 3},
                {"{}\u00a0", Problem.TRAILING, 1, 3},
                {"{}\ufeff", Problem.TRAILING, 1, 3},
                {"{}\u2028", Problem.TRAILING, 1, 3},
                {"{}\f", Problem.TRAILING, 1, 3},
                {"{}/* comment */", Problem.TRAILING, 1, 3},
                {"{}// comment", Problem.TRAILING, 1, 3},
        });
    }

    @Test
    public void parseWhenOnlyJsonWhitespaceAroundTheValueThenAccepted() {
        assertEquals(object(), parse(" \t\r\n{}\r\n\t "));
        assertEquals(integer("1"), parse("\n1\n"));
    }

    @Test
    public void parseWhenNothingButWhitespaceThenEmpty() {
        assertRefused(new Object[][] {{"", Problem.EMPTY}, {" ", Problem.EMPTY}, {"\r\n\t ", Problem.EMPTY}});
    }

    @Test
    public void parseWhenNameTwiceInOneObjectThenRefusedNamingItAtItsSecondOccurrence() {
        String[][] table = {
                {"{\"name\":\"a\",\"name\":\"b\"}", "name", "13"},
                {"{\"a\":1,\"b\":2,\"a\":null}", "a", "14"},
                {"{\"a\":null,\"a\":null}", "a", "11"},
                {"{\"name\":1,\"n\\u0061me\":2}", "name", "11"},
                {"{\"x\":{\"y\":1,\"y\":2}}", "y", "13"},
                {"[{\"a\":1},{\"a\":1,\"a\":1}]", "a", "17"},
                {"{\"\":1,\"\":2}", "", "7"},
        };
        for (String[] row : table) {
            try {
                JsonText.parse(row[0]);
                fail("accepted: " + row[0]);
            } catch (JsonRefusal refusal) {
                assertEquals(row[0], Problem.DUPLICATE_NAME, refusal.problem());
                assertEquals(row[0], row[1], refusal.name());
                assertEquals(row[0], Integer.parseInt(row[2]), refusal.column());
            }
        }
    }

    @Test
    public void parseWhenTheSameNameInDifferentObjectsThenAccepted() {
        assertEquals(array(object("a", integer("1")), object("a", integer("2"))), parse("[{\"a\":1},{\"a\":2}]"));
        assertEquals(object("a", object("a", integer("1"))), parse("{\"a\":{\"a\":1}}"));
        assertEquals("names differ by case", 2, parse("{\"a\":1,\"A\":2}").members().size());
    }

    @Test
    public void parseWhenNestedTwentyDeepThenAcceptedAndTwentyOneDeepThenRefusedAtTheTwentyFirstOpening() {
        String twenty = String.join("", Collections.nCopies(20, "[")) + String.join("", Collections.nCopies(20, "]"));
        int depth = 1;
        for (JsonInput v = parse(twenty); !v.elements().isEmpty(); v = v.elements().get(0)) {
            depth++;
        }
        assertEquals(20, depth);
        assertRefused(new Object[][] {
                {"[" + twenty + "]", Problem.DEPTH, 1, 21},
                {String.join("", Collections.nCopies(21, "{\"a\":")) + "1" + String.join("", Collections.nCopies(21, "}")), Problem.DEPTH, 1, 101},
                {"{\"name\":" + String.join("", Collections.nCopies(20, "[")), Problem.DEPTH, 1, 28},
                {String.join("", Collections.nCopies(1_000_000, "[")), Problem.DEPTH, 1, 21},
        });
    }

    @Test
    public void parseWhenNotStrictJsonThenRefusedWithTheProblemAndWhere() {
        assertRefused(new Object[][] {
                {"{", Problem.END, 1, 2},
                {"{\"name\"", Problem.END, 1, 8},
                {"{\"name\":", Problem.END, 1, 9},
                {"{\"name\":\"x", Problem.END, 1, 11},
                {"{\"name\":\"x\\", Problem.END, 1, 12},
                {"{\"name\":\"\\u00", Problem.END, 1, 14},
                {"[1,", Problem.END, 1, 4},
                {"tru", Problem.END, 1, 4},
                {"-", Problem.END, 1, 2},
                {"1.", Problem.END, 1, 3},
                {"1e+", Problem.END, 1, 4},
                {"{'name':'x'}", Problem.NAME, 1, 2},
                {"{name:\"x\"}", Problem.NAME, 1, 2},
                {"{\"name\":\"x\",}", Problem.NAME, 1, 13},
                {"{,}", Problem.NAME, 1, 2},
                {"{/* c */\"name\":\"x\"}", Problem.NAME, 1, 2},
                {"{\"name\" \"x\"}", Problem.COLON, 1, 9},
                {"{\"name\"=\"x\"}", Problem.COLON, 1, 8},
                {"{\"a\":1 \"b\":2}", Problem.OBJECT_NEXT, 1, 8},
                {"{\"a\":1;\"b\":2}", Problem.OBJECT_NEXT, 1, 7},
                {"{\"a\":1]", Problem.OBJECT_NEXT, 1, 7},
                {"[1 2]", Problem.ARRAY_NEXT, 1, 4},
                {"[1}", Problem.ARRAY_NEXT, 1, 3},
                {"[1,]", Problem.VALUE, 1, 4},
                {"[,1]", Problem.VALUE, 1, 2},
                {"{\"a\":}", Problem.VALUE, 1, 6},
                {"NaN", Problem.VALUE, 1, 1},
                {"Infinity", Problem.VALUE, 1, 1},
                {"nil", Problem.VALUE, 1, 1},
                {"True", Problem.VALUE, 1, 1},
                {"nulls", Problem.VALUE, 1, 1},
                {"true1", Problem.VALUE, 1, 1},
                {"'x'", Problem.VALUE, 1, 1},
                {"undefined", Problem.VALUE, 1, 1},
                {"\ufeff{}", Problem.VALUE, 1, 1},
                {"\u00a0{}", Problem.VALUE, 1, 1},
                {"{\"a\":030}", Problem.NUMBER, 1, 6},
                {"{\"a\":-030}", Problem.NUMBER, 1, 6},
                {"{\"a\":00}", Problem.NUMBER, 1, 6},
                {"{\"a\":0x1e}", Problem.NUMBER, 1, 6},
                {"{\"a\":+1}", Problem.NUMBER, 1, 6},
                {"{\"a\":.5}", Problem.NUMBER, 1, 6},
                {"{\"a\":1.}", Problem.NUMBER, 1, 6},
                {"{\"a\":1.e5}", Problem.NUMBER, 1, 6},
                {"{\"a\":1e}", Problem.NUMBER, 1, 6},
                {"{\"a\":1.2.3}", Problem.NUMBER, 1, 6},
                {"{\"a\":1e5e5}", Problem.NUMBER, 1, 6},
                {"{\"a\":-}", Problem.NUMBER, 1, 6},
                {"{\"a\":-Infinity}", Problem.NUMBER, 1, 6},
                {"{\"a\":12abc}", Problem.NUMBER, 1, 6},
                {"{\"a\":1_000}", Problem.NUMBER, 1, 6},
                {"{\"a\":\u0663}", Problem.VALUE, 1, 6},
                {"\"a\u0000b\"", Problem.CONTROL, 1, 3},
                {"\"a\nb\"", Problem.CONTROL, 1, 3},
                {"\"a\tb\"", Problem.CONTROL, 1, 3},
                {"\"\u001f\"", Problem.CONTROL, 1, 2},
                {"\"a\\x41\"", Problem.ESCAPE, 1, 3},
                {"\"a\\'\"", Problem.ESCAPE, 1, 3},
                {"\"a\\U0041\"", Problem.ESCAPE, 1, 3},
                {"\"a\\u00G1\"", Problem.ESCAPE, 1, 3},
                {"\"a\\u\u0661\u0662\u0663\u0664\"", Problem.ESCAPE, 1, 3},
                {"\"a\\u-123\"", Problem.ESCAPE, 1, 3},
                {"\"\\\u00e9\"", Problem.ESCAPE, 1, 2},
        });
    }

    @Test
    public void parseWhenRefusedAfterLineBreaksAndFourByteCharactersThenLineAndColumnCountCharacters() {
        assertRefused(new Object[][] {
                {"{\n  \"a\": 1,\n  \"b\" 2\n}", Problem.COLON, 3, 7},
                {"{\"\uD83D\uDE00\uD83D\uDE00\":1 x}", Problem.OBJECT_NEXT, 1, 9},
                {"{\r\n\"a\":1,\r\n}", Problem.NAME, 3, 1},
        });
    }

    @Test
    public void parseWhenValidThenTheValueAsSent() {
        assertEquals(object("name", JsonInput.string("ci"), "expirationDuration", integer("30"), "scope", JsonInput.nullValue(),
                        "allowedIps", array(JsonInput.string("10.0.0.0/8"))),
                parse("{\"name\":\"ci\",\"expirationDuration\":30,\"scope\":null,\"allowedIps\":[\"10.0.0.0/8\"]}"));
        assertEquals(array(), parse("[]"));
        assertEquals(object(), parse("{ }"));
        assertEquals(JsonInput.bool(true), parse("true"));
        assertEquals(JsonInput.bool(false), parse("false"));
        assertEquals(JsonInput.nullValue(), parse("null"));
        assertEquals(JsonInput.string(""), parse("\"\""));
        assertEquals(array(array(array()), object("a", array())), parse("[[[]],{\"a\":[]}]"));
    }

    @Test
    public void parseWhenMembersThenKeptInTheOrderSent() {
        assertEquals(Arrays.asList("z", "a", "m"), Arrays.asList(parse("{\"z\":1,\"a\":2,\"m\":3}").members().keySet().toArray()));
    }

    @Test
    public void parseWhenNumbersThenTheLiteralTextAndWhetherItIsAnInteger() {
        String[][] table = {
                {"0", "INTEGER"}, {"-0", "INTEGER"}, {"30", "INTEGER"}, {"-9223372036854775809", "INTEGER"},
                {"1" + String.join("", Collections.nCopies(200, "0")), "INTEGER"},
                {"30.0", "DECIMAL"}, {"1.5", "DECIMAL"}, {"1e2", "DECIMAL"}, {"1E+2", "DECIMAL"}, {"-0.0e-0", "DECIMAL"},
                {"1e400", "DECIMAL"}, {"0.000001", "DECIMAL"},
        };
        for (String[] row : table) {
            JsonInput value = parse("[" + row[0] + "]").elements().get(0);
            assertEquals(row[0], Kind.valueOf(row[1]), value.kind());
            assertEquals("kept as written", row[0], value.text());
        }
    }

    @Test
    public void parseWhenEscapesThenUnescapedAndLoneSurrogatesLeftForTheCallerToJudge() {
        assertEquals("\" \\ / \b \f \n \r \t A \u00e9 \uD83D\uDE00",
                parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00E9 \\ud83d\\uDE00\"").text());
        assertEquals("raw non-ASCII stays", "\u00e9\uD83D\uDE00\ufeff\u2028", parse("\"\u00e9\uD83D\uDE00\ufeff\u2028\"").text());
        assertEquals("\uD800", parse("\"\\ud800\"").text());
        assertEquals("a\u0000b", parse("\"a\\u0000b\"").text());
    }

    @Test
    public void parseWhenArrayLongerThanTheElementLimitThenTheFirstElementsAndTruncated() {
        String text = "[" + String.join(",", Collections.nCopies(JsonInput.MAX_ELEMENTS + 5, "7")) + "]";
        JsonInput value = parse(text);
        assertEquals(JsonInput.MAX_ELEMENTS, value.elements().size());
        assertTrue(value.truncated());
        assertFalse(parse("[" + String.join(",", Collections.nCopies(JsonInput.MAX_ELEMENTS, "7")) + "]").truncated());
    }

    @Test
    public void memberWhenAbsentOrNullThenNullAndUnknownMembersInOrder() {
        JsonInput body = parse("{\"name\":\"x\",\"b\":1,\"expirationDuration\":null,\"a\":null}");
        assertEquals(JsonInput.string("x"), body.member("name"));
        assertEquals(null, body.member("expirationDuration"));
        assertEquals(null, body.member("scope"));
        assertEquals(Arrays.asList("b", "a"), body.unknownMembers(Arrays.asList("name", "expirationDuration")));
    }
}
