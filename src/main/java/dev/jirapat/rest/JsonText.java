package dev.jirapat.rest;

import dev.jirapat.rest.JsonRefusal.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser for request bodies: exactly one JSON value with nothing but whitespace around it, no
 * extensions (comments, single quotes, unquoted names, trailing commas, NaN, leading zeros, hex), no member name
 * twice in one object (ambiguous input must not silently pick one), arrays and objects nested at most
 * {@value #MAX_DEPTH} deep (so the recursion is bounded). Numbers keep their literal text; {@link Input} decides
 * what fits. Every failure is a {@link JsonRefusal} with the line and column of the offending character.
 */
final class JsonText {
    /** Arrays and objects inside each other; the API's own bodies need 2. */
    static final int MAX_DEPTH = 20;

    private final String text;
    private final int maxDepth;
    private int at;

    private JsonText(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /** The one JSON value of {@code text}, nested at most {@value #MAX_DEPTH} deep. */
    static JsonInput parse(String text) throws JsonRefusal {
        return parse(text, MAX_DEPTH);
    }

    static JsonInput parse(String text, int maxDepth) throws JsonRefusal {
        JsonText parser = new JsonText(text, maxDepth);
        parser.skipWhitespace();
        if (parser.at == text.length()) {
            throw JsonRefusal.of(Problem.EMPTY);
        }
        JsonInput value = parser.value(0);
        parser.skipWhitespace();
        if (parser.at < text.length()) {
            throw parser.refuse(Problem.TRAILING, parser.at);
        }
        return value;
    }

    /** A value inside {@code depth} arrays and objects. */
    private JsonInput value(int depth) throws JsonRefusal {
        if (at >= text.length()) {
            throw refuse(Problem.END, at);
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return JsonInput.string(string());
            case 't':
                return literal("true", JsonInput.bool(true));
            case 'f':
                return literal("false", JsonInput.bool(false));
            case 'n':
                return literal("null", JsonInput.nullValue());
            case '+':
            case '.':
                throw refuse(Problem.NUMBER, at);
            default:
                if (c == '-' || isDigit(c)) {
                    return number();
                }
                throw refuse(Problem.VALUE, at);
        }
    }

    private JsonInput object(int depth) throws JsonRefusal {
        if (depth > maxDepth) {
            throw refuse(Problem.DEPTH, at);
        }
        at++;
        Map<String, JsonInput> members = new LinkedHashMap<>();
        skipWhitespace();
        if (at < text.length() && text.charAt(at) == '}') {
            at++;
            return JsonInput.object(members);
        }
        while (true) {
            skipWhitespace();
            if (at >= text.length()) {
                throw refuse(Problem.END, at);
            }
            if (text.charAt(at) != '"') {
                throw refuse(Problem.NAME, at);
            }
            int nameAt = at;
            String name = string();
            if (members.containsKey(name)) {
                throw JsonRefusal.at(Problem.DUPLICATE_NAME, line(nameAt), column(nameAt), name);
            }
            skipWhitespace();
            if (at >= text.length()) {
                throw refuse(Problem.END, at);
            }
            if (text.charAt(at) != ':') {
                throw refuse(Problem.COLON, at);
            }
            at++;
            skipWhitespace();
            members.put(name, value(depth));
            skipWhitespace();
            if (at >= text.length()) {
                throw refuse(Problem.END, at);
            }
            char next = text.charAt(at);
            if (next == '}') {
                at++;
                return JsonInput.object(members);
            }
            if (next != ',') {
                throw refuse(Problem.OBJECT_NEXT, at);
            }
            at++;
        }
    }

    private JsonInput array(int depth) throws JsonRefusal {
        if (depth > maxDepth) {
            throw refuse(Problem.DEPTH, at);
        }
        at++;
        List<JsonInput> elements = new ArrayList<>();
        boolean truncated = false;
        skipWhitespace();
        if (at < text.length() && text.charAt(at) == ']') {
            at++;
            return JsonInput.array(elements, false);
        }
        while (true) {
            skipWhitespace();
            JsonInput element = value(depth);
            if (elements.size() < JsonInput.MAX_ELEMENTS) {
                elements.add(element);
            } else {
                truncated = true;
            }
            skipWhitespace();
            if (at >= text.length()) {
                throw refuse(Problem.END, at);
            }
            char next = text.charAt(at);
            if (next == ']') {
                at++;
                return JsonInput.array(elements, truncated);
            }
            if (next != ',') {
                throw refuse(Problem.ARRAY_NEXT, at);
            }
            at++;
        }
    }

    /** The string whose opening quote is at {@code at}, unescaped; {@code at} ends after the closing quote. */
    private String string() throws JsonRefusal {
        StringBuilder out = new StringBuilder();
        int i = at + 1;
        while (true) {
            if (i >= text.length()) {
                throw refuse(Problem.END, i);
            }
            char c = text.charAt(i);
            if (c == '"') {
                at = i + 1;
                return out.toString();
            }
            if (c < 0x20) {
                throw refuse(Problem.CONTROL, i);
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw refuse(Problem.END, i + 1);
            }
            char escape = text.charAt(i + 1);
            switch (escape) {
                case '"':
                case '\\':
                case '/':
                    out.append(escape);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    out.append(unicodeEscape(i));
                    i += 4;
                    break;
                default:
                    throw refuse(Problem.ESCAPE, i);
            }
            i += 2;
        }
    }

    /** The UTF-16 unit of {@code \}{@code uXXXX} at {@code backslash}. A lone surrogate passes: the API refuses it where it matters. */
    private char unicodeEscape(int backslash) throws JsonRefusal {
        int value = 0;
        for (int k = backslash + 2; k < backslash + 6; k++) {
            if (k >= text.length()) {
                throw refuse(Problem.END, k);
            }
            int digit = hex(text.charAt(k));
            if (digit < 0) {
                throw refuse(Problem.ESCAPE, backslash);
            }
            value = value * 16 + digit;
        }
        return (char) value;
    }

    /** {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}, kept as written. */
    private JsonInput number() throws JsonRefusal {
        int start = at;
        int i = at;
        if (text.charAt(i) == '-') {
            i++;
        }
        if (i >= text.length()) {
            throw refuse(Problem.END, i);
        }
        if (text.charAt(i) == '0') {
            i++;
        } else if (isDigit(text.charAt(i))) {
            i = digits(i);
        } else {
            throw refuse(Problem.NUMBER, start);
        }
        boolean integer = true;
        if (i < text.length() && text.charAt(i) == '.') {
            integer = false;
            i = requiredDigits(i + 1, start);
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            integer = false;
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            i = requiredDigits(i, start);
        }
        if (i < text.length() && continuesAWord(text.charAt(i))) {
            throw refuse(Problem.NUMBER, start); // 030, 0x1e, 1.2.3, 1e5e5, 12abc
        }
        at = i;
        return JsonInput.number(text.substring(start, i), integer);
    }

    private int requiredDigits(int i, int numberStart) throws JsonRefusal {
        if (i >= text.length()) {
            throw refuse(Problem.END, i);
        }
        if (!isDigit(text.charAt(i))) {
            throw refuse(Problem.NUMBER, numberStart);
        }
        return digits(i);
    }

    private int digits(int i) {
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private JsonInput literal(String word, JsonInput value) throws JsonRefusal {
        int start = at;
        if (!text.startsWith(word, at)) {
            // "tru" at the very end is cut short; anything else (NaN, nil, True) is no JSON value
            boolean cutShort = word.startsWith(text.substring(at));
            throw cutShort ? refuse(Problem.END, text.length()) : refuse(Problem.VALUE, start);
        }
        at += word.length();
        if (at < text.length() && continuesAWord(text.charAt(at))) {
            throw refuse(Problem.VALUE, start); // nulls, true1, falsey
        }
        return value;
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    /** 0-9, A-F, a-f only ({@link Character#digit} would take other scripts' digits too). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean continuesAWord(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '+' || c == '-' || c == '_';
    }

    private JsonRefusal refuse(Problem problem, int index) {
        return JsonRefusal.at(problem, line(index), column(index), null);
    }

    /** The line (from 1) of the character at {@code index}; lines end at LF. */
    private int line(int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The column (from 1, in characters: a surrogate pair counts once) of the character at {@code index}. */
    private int column(int index) {
        int lineStart = text.lastIndexOf('\n', Math.min(index, text.length()) - 1) + 1;
        return text.codePointCount(lineStart, Math.min(index, text.length())) + 1;
    }
}
