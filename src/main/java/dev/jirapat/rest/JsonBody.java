package dev.jirapat.rest;

import dev.jirapat.rest.JsonRefusal.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a request body as the API's JSON: at most {@value #MAX_BYTES} bytes (413 beyond), UTF-8 only (a
 * {@code charset} other than UTF-8, a UTF-16 or UTF-32 body and every byte sequence that is not UTF-8 are
 * refused; a UTF-8 byte order mark is skipped, as RFC 8259 allows), then one strict JSON value ({@link JsonText}).
 * The resources take the body as an {@link InputStream}, so no JSON provider of the host binds it: the same rules
 * hold whichever Jackson the host runs. Every failure is an {@link ApiException} in the one error shape (400; 413 for
 * the size, 415 without a JSON Content-Type); nothing of the body is logged or echoed.
 */
public final class JsonBody {
    /** Bytes per body: a 1000-id bulk revoke of 19-digit ids (about 20 KB) fits three times over. */
    static final int MAX_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(JsonBody.class);

    private final Messages messages;

    public JsonBody(Messages messages) {
        this.messages = messages;
    }

    /** The body's JSON object: no body or JSON {@code null} is "body missing", any other value a wrong shape. */
    JsonInput object(HttpServletRequest request, InputStream body) {
        JsonInput value = value(request, body);
        if (value.kind() != JsonInput.Kind.OBJECT) {
            throw ApiException.badRequest(messages.get(Messages.BODY_SHAPE));
        }
        return value;
    }

    /** The body's JSON value, never JSON {@code null} (refused as a missing body, as an empty body is). */
    JsonInput value(HttpServletRequest request, InputStream body) {
        JsonInput value;
        try {
            value = read(request.getContentType(), request.getContentLengthLong(), body);
        } catch (JsonRefusal refusal) {
            throw error(refusal);
        }
        if (value.kind() == JsonInput.Kind.NULL) {
            throw ApiException.badRequest(messages.get(Messages.BODY_MISSING));
        }
        return value;
    }

    /** Type, charset, size, encoding and syntax, in this order; {@code contentLength} -1 when not declared. */
    static JsonInput read(String contentType, long contentLength, InputStream in) throws JsonRefusal {
        requireJson(contentType);
        requireUtf8(contentType);
        return JsonText.parse(decode(bytes(contentLength, in)));
    }

    /**
     * Refuses a body without {@code Content-Type: application/json}. JAX-RS checks {@code @Consumes} only when the
     * request names a type; an {@link InputStream} would then take anything.
     */
    static void requireJson(String contentType) throws JsonRefusal {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        if (!type.equalsIgnoreCase("application/json")) {
            throw JsonRefusal.of(Problem.MEDIA_TYPE);
        }
    }

    /** Refuses a {@code charset} parameter other than UTF-8 (case-insensitive, quoted or not); none means UTF-8. */
    static void requireUtf8(String contentType) throws JsonRefusal {
        if (contentType == null) {
            return;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals < 0 || !parts[i].substring(0, equals).trim().equalsIgnoreCase("charset")) {
                continue;
            }
            String charset = parts[i].substring(equals + 1).trim();
            if (charset.length() >= 2 && charset.startsWith("\"") && charset.endsWith("\"")) {
                charset = charset.substring(1, charset.length() - 1);
            }
            if (!charset.toUpperCase(Locale.ROOT).equals("UTF-8")) {
                throw JsonRefusal.of(Problem.CHARSET);
            }
        }
    }

    /**
     * The body's bytes, at most {@value #MAX_BYTES}: a larger declared {@code Content-Length} is refused before
     * reading, an undeclared (chunked) body once byte {@value #MAX_BYTES} + 1 arrives. The rest is left unread.
     */
    static byte[] bytes(long contentLength, InputStream in) throws JsonRefusal {
        if (contentLength > MAX_BYTES) {
            throw JsonRefusal.of(Problem.TOO_LARGE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(contentLength > 0 ? (int) contentLength : 512);
        if (in == null) {
            return out.toByteArray();
        }
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                int n = in.read(buffer, 0, Math.min(buffer.length, MAX_BYTES + 1 - out.size()));
                if (n < 0) {
                    return out.toByteArray();
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw JsonRefusal.of(Problem.TOO_LARGE);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // The container's stream: a client that hung up, a broken chunked encoding. Not a fault of ours.
            log.debug("A REST request body could not be read ({})", unreadable.getClass().getName());
            throw JsonRefusal.of(Problem.UNREADABLE);
        }
    }

    /**
     * Strict UTF-8 ({@link CodingErrorAction#REPORT}: overlong forms, encoded surrogates, truncated sequences and
     * bytes F5..FF are refused with the number of the first bad byte). A leading UTF-8 byte order mark is skipped;
     * a UTF-16 or UTF-32 body is refused by its byte order mark or by a NUL among its first four bytes (JSON text
     * starts with an ASCII character, which those encodings pad with NUL bytes).
     */
    static String decode(byte[] bytes) throws JsonRefusal {
        int start = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE) || nulInFirstFour(bytes)) {
            throw JsonRefusal.of(Problem.NOT_UTF8);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start); // UTF-8 never has more characters than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw JsonRefusal.atByte(in.position() + 1L);
        }
        out.flip();
        return out.toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean nulInFirstFour(byte[] bytes) {
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The refusal as the client sees it: 413 for the size, 415 without a type, 400 otherwise, with what and where. */
    ApiException error(JsonRefusal refusal) {
        Problem problem = refusal.problem();
        if (problem.isSyntax()) {
            Object argument = problem == Problem.DUPLICATE_NAME ? Messages.quote(refusal.name()) : JsonText.MAX_DEPTH;
            return ApiException.badRequest(messages.get(Messages.BODY_SYNTAX, refusal.line(), refusal.column(),
                    messages.get(syntaxKey(problem), argument)));
        }
        switch (problem) {
            case TOO_LARGE:
                return new ApiException(413, ApiException.WEB_APPLICATION, messages.get(Messages.BODY_TOO_LARGE, MAX_BYTES));
            case MEDIA_TYPE:
                return new ApiException(415, ApiException.WEB_APPLICATION, messages.get(Messages.UNSUPPORTED_MEDIA_TYPE));
            case INVALID_UTF8:
                return ApiException.badRequest(messages.get(Messages.BODY_INVALID_UTF8, refusal.byteNumber()));
            case UNREADABLE:
                return ApiException.badRequest(messages.get(Messages.BODY_UNREADABLE));
            case CHARSET:
                return ApiException.badRequest(messages.get(Messages.BODY_CHARSET));
            case NOT_UTF8:
                return ApiException.badRequest(messages.get(Messages.BODY_NOT_UTF8));
            default: // EMPTY: whitespace at most, as without a body
                return ApiException.badRequest(messages.get(Messages.BODY_MISSING));
        }
    }

    /** {@code pat.rest.error.json.duplicate.name} for {@link Problem#DUPLICATE_NAME}: the reason in a syntax message. */
    static String syntaxKey(Problem problem) {
        return "pat.rest.error.json." + problem.name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
