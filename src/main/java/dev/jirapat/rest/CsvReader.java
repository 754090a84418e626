package dev.jirapat.rest;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from text, one at a time: fields separated by commas, records by CRLF, LF or CR, a field in
 * double quotes may hold commas, line breaks and doubled quotes. What PostgreSQL's {@code COPY ... WITH CSV HEADER},
 * MySQL, SQL Server's and Oracle's CSV exports write. Strict where a file would otherwise be read wrong: a quote
 * inside an unquoted field, text after a closing quote, an unterminated quote and a NUL character (binary, not
 * text) are refused with the line. Empty lines are skipped. Bounded: at most {@value #MAX_FIELDS} fields of at
 * most {@value #MAX_FIELD_CHARS} characters per record. Cells are only data: nothing is interpreted.
 */
final class CsvReader {
    static final int MAX_FIELDS = 100;
    static final int MAX_FIELD_CHARS = 16 * 1024;

    /** Why the text is not CSV this reader accepts. */
    enum Problem {
        QUOTE_IN_FIELD, TEXT_AFTER_QUOTE, UNTERMINATED_QUOTE, BINARY, TOO_MANY_FIELDS, FIELD_TOO_LONG
    }

    /** The text is not CSV: what and on which line (from 1). */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final Problem problem;
        final long line;

        Refusal(Problem problem, long line) {
            super(problem + " at line " + line, null, false, false);
            this.problem = problem;
            this.line = line;
        }
    }

    private final String text;
    private int at;
    private long line = 1;
    private long recordLine;

    CsvReader(String text) {
        this.text = text;
    }

    /** The line (from 1) the record {@link #next()} returned last starts on. */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the text. */
    List<String> next() throws Refusal {
        while (at < text.length() && isLineBreak(text.charAt(at))) {
            lineBreak(); // empty lines
        }
        if (at >= text.length()) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            if (fields.size() >= MAX_FIELDS) {
                throw new Refusal(Problem.TOO_MANY_FIELDS, line);
            }
            fields.add(at < text.length() && text.charAt(at) == '"' ? quoted() : unquoted());
            if (at >= text.length()) {
                return fields;
            }
            char c = text.charAt(at);
            if (c == ',') {
                at++;
                continue;
            }
            lineBreak(); // unquoted() and quoted() stop only at a comma, a line break or the end
            return fields;
        }
    }

    private String unquoted() throws Refusal {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ',' || isLineBreak(c)) {
                break;
            }
            if (c == '"') {
                throw new Refusal(Problem.QUOTE_IN_FIELD, line);
            }
            if (c == 0) {
                throw new Refusal(Problem.BINARY, line);
            }
            at++;
            if (at - start > MAX_FIELD_CHARS) {
                throw new Refusal(Problem.FIELD_TOO_LONG, line);
            }
        }
        return text.substring(start, at);
    }

    private String quoted() throws Refusal {
        long opened = line;
        at++; // the opening quote
        StringBuilder field = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw new Refusal(Problem.UNTERMINATED_QUOTE, opened);
            }
            char c = text.charAt(at);
            if (c == '"') {
                if (at + 1 < text.length() && text.charAt(at + 1) == '"') {
                    field.append('"');
                    at += 2;
                } else {
                    at++;
                    break;
                }
            } else if (isLineBreak(c)) {
                int from = at;
                lineBreak();
                field.append(text, from, at);
            } else if (c == 0) {
                throw new Refusal(Problem.BINARY, line);
            } else {
                field.append(c);
                at++;
            }
            if (field.length() > MAX_FIELD_CHARS) {
                throw new Refusal(Problem.FIELD_TOO_LONG, opened);
            }
        }
        if (at < text.length() && text.charAt(at) != ',' && !isLineBreak(text.charAt(at))) {
            throw new Refusal(Problem.TEXT_AFTER_QUOTE, line);
        }
        return field.toString();
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** Consumes one line break: CRLF, LF or CR. */
    private void lineBreak() {
        if (text.charAt(at) == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
            at++;
        }
        at++;
        line++;
    }
}
