package dev.jirapat.rest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from text, one at a time, read as a stream (a file of any length needs memory for one record
 * only): fields separated by commas, records by CRLF, LF or CR, a field in double quotes may hold commas, line
 * breaks and doubled quotes. What PostgreSQL's {@code COPY ... WITH CSV HEADER}, MySQL, SQL Server's and Oracle's
 * CSV exports write. Strict where a file would otherwise be read wrong: a quote inside an unquoted field, text after
 * a closing quote, an unterminated quote and a NUL character (binary, not text) are refused with the line. Empty
 * lines are skipped. Bounded: at most {@value #MAX_FIELDS} fields of at most {@value #MAX_FIELD_CHARS} characters
 * per record. Cells are only data: nothing is interpreted.
 */
final class CsvReader {
    static final int MAX_FIELDS = 100;
    static final int MAX_FIELD_CHARS = 16 * 1024;
    private static final int END = -1;

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

    private final Reader in;
    /** The next character, not yet consumed ({@value #END} at the end). */
    private int next;
    private long line = 1;
    private long recordLine;

    private boolean started;

    CsvReader(Reader in) {
        this.in = in;
    }

    CsvReader(String text) {
        this(new StringReader(text));
    }

    /** The line (from 1) the record {@link #next()} returned last starts on. */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the text. */
    List<String> next() throws Refusal, IOException {
        if (!started) {
            advance();
            started = true;
        }
        while (isLineBreak(next)) {
            lineBreak(); // empty lines
        }
        if (next == END) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            if (fields.size() >= MAX_FIELDS) {
                throw new Refusal(Problem.TOO_MANY_FIELDS, line);
            }
            fields.add(next == '"' ? quoted() : unquoted());
            if (next == ',') {
                advance();
                continue;
            }
            if (next != END) {
                lineBreak(); // unquoted() and quoted() stop only at a comma, a line break or the end
            }
            return fields;
        }
    }

    private String unquoted() throws Refusal, IOException {
        StringBuilder field = new StringBuilder();
        while (next != END && next != ',' && !isLineBreak(next)) {
            if (next == '"') {
                throw new Refusal(Problem.QUOTE_IN_FIELD, line);
            }
            if (next == 0) {
                throw new Refusal(Problem.BINARY, line);
            }
            field.append((char) next);
            advance();
            if (field.length() > MAX_FIELD_CHARS) {
                throw new Refusal(Problem.FIELD_TOO_LONG, line);
            }
        }
        return field.toString();
    }

    private String quoted() throws Refusal, IOException {
        long opened = line;
        advance(); // the opening quote
        StringBuilder field = new StringBuilder();
        while (true) {
            if (next == END) {
                throw new Refusal(Problem.UNTERMINATED_QUOTE, opened);
            }
            if (next == '"') {
                advance();
                if (next != '"') {
                    break;
                }
                field.append('"');
                advance();
            } else if (isLineBreak(next)) {
                field.append(next == '\r' ? "\r" : "\n");
                boolean crlf = next == '\r';
                advance();
                if (crlf && next == '\n') {
                    field.append('\n');
                    advance();
                }
                line++;
            } else if (next == 0) {
                throw new Refusal(Problem.BINARY, line);
            } else {
                field.append((char) next);
                advance();
            }
            if (field.length() > MAX_FIELD_CHARS) {
                throw new Refusal(Problem.FIELD_TOO_LONG, opened);
            }
        }
        if (next != END && next != ',' && !isLineBreak(next)) {
            throw new Refusal(Problem.TEXT_AFTER_QUOTE, line);
        }
        return field.toString();
    }

    private void advance() throws IOException {
        next = in.read();
    }

    private static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r';
    }

    /** Consumes one line break: CRLF, LF or CR. */
    private void lineBreak() throws IOException {
        boolean cr = next == '\r';
        advance();
        if (cr && next == '\n') {
            advance();
        }
        line++;
    }
}
