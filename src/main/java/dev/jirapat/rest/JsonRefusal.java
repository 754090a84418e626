package dev.jirapat.rest;

/**
 * Why a request body was refused and where: a {@link Problem}, and for JSON syntax the line and column (from 1, in
 * characters) or for the encoding the byte (from 1). An expected refusal, not a fault: no stack trace. Carries no
 * text of the body except, for {@link Problem#DUPLICATE_NAME}, the repeated member name.
 */
final class JsonRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    enum Problem {
        /** More bytes than the limit (413). */
        TOO_LARGE(false),
        /** A body without a Content-Type (415; JAX-RS refuses any other type than JSON before we read). */
        MEDIA_TYPE(false),
        /** The body could not be read (the client hung up, a broken chunked encoding). */
        UNREADABLE(false),
        /** A {@code charset} parameter other than UTF-8 on the Content-Type. */
        CHARSET(false),
        /** A UTF-16 or UTF-32 body (by its byte order mark or its NUL bytes). */
        NOT_UTF8(false),
        /** Bytes that are not UTF-8 (overlong forms, encoded surrogates, truncated sequences, F5..FF). */
        INVALID_UTF8(false),
        /** Nothing but whitespace. */
        EMPTY(false),
        /** The text ends inside the value. */
        END(true),
        /** Something other than a JSON value where a value must be (a stray character, NaN, a comment, a quote). */
        VALUE(true),
        /** Something other than a member name in double quotes after an object opens or after its comma. */
        NAME(true),
        /** No colon after a member name. */
        COLON(true),
        /** Neither a comma nor the end of the object after a member. */
        OBJECT_NEXT(true),
        /** Neither a comma nor the end of the array after an element. */
        ARRAY_NEXT(true),
        /** A number JSON does not allow: leading zeros, a plus sign, a dot without digits, hex. */
        NUMBER(true),
        /** A control character (U+0000 to U+001F) not escaped inside a string. */
        CONTROL(true),
        /** A backslash that does not start one of JSON's escapes. */
        ESCAPE(true),
        /** Arrays and objects nested deeper than the limit. */
        DEPTH(true),
        /** A member name twice in one object. */
        DUPLICATE_NAME(true),
        /** More than whitespace after the value. */
        TRAILING(true);

        private final boolean syntax;

        Problem(boolean syntax) {
            this.syntax = syntax;
        }

        /** A problem of the JSON text, with a line and column; the others concern the body as a whole. */
        boolean isSyntax() {
            return syntax;
        }
    }

    private final Problem problem;
    private final long position;
    private final int line;
    private final int column;
    private final String name;

    private JsonRefusal(Problem problem, long position, int line, int column, String name) {
        super(problem.name(), null, false, false);
        this.problem = problem;
        this.position = position;
        this.line = line;
        this.column = column;
        this.name = name;
    }

    /** A problem of the body as a whole (size, charset, UTF-16/32, empty, unreadable). */
    static JsonRefusal of(Problem problem) {
        return new JsonRefusal(problem, 0, 0, 0, null);
    }

    /** Bytes that are not UTF-8, starting at this byte (from 1). */
    static JsonRefusal atByte(long byteNumber) {
        return new JsonRefusal(Problem.INVALID_UTF8, byteNumber, 0, 0, null);
    }

    /** A syntax problem at this line and column (from 1); {@code name} only for a duplicate member name. */
    static JsonRefusal at(Problem problem, int line, int column, String name) {
        return new JsonRefusal(problem, 0, line, column, name);
    }

    Problem problem() {
        return problem;
    }

    /** For {@link Problem#INVALID_UTF8}: the first byte (from 1) of the sequence that is not UTF-8. */
    long byteNumber() {
        return position;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    /** For {@link Problem#DUPLICATE_NAME}: the member name sent twice. */
    String name() {
        return name;
    }
}
