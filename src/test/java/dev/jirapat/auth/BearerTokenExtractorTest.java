package dev.jirapat.auth;

import dev.jirapat.auth.BearerTokenExtractor.Extraction;
import dev.jirapat.auth.BearerTokenExtractor.Kind;
import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class BearerTokenExtractorTest {
    private static final String TOKEN = "jpat_" + "Ab3".repeat(16) + "x"; // shape only: the extractor never checks the checksum
    private static final String BUILTIN = "NjM0NzE2OTk3MDk2OvcQ9Xi8NNZ4kaKO5JDzbbLbVmDk"; // 634716997096 + 20 bytes
    private static final String NOT_DIGITS = "MTIzNDU2Nzg5MDF4OgAAAAAAAAAAAAAAAAAAAAAAAAAA"; // "12345678901x:" + zeros

    private static final class Case {
        final String name;
        final List<String> headers;
        final Kind kind;
        final String token;
        final String username;

        Case(String name, List<String> headers, Kind kind, String token, String username) {
            this.name = name;
            this.headers = headers;
            this.kind = kind;
            this.token = token;
            this.username = username;
        }
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void add(String name, Kind kind, String token, String username, String... headers) {
        CASES.add(new Case(name, Arrays.asList(headers), kind, token, username));
    }

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    static {
        // not ours: the request passes untouched
        add("no header", Kind.ABSENT, null, null);
        add("other scheme", Kind.ABSENT, null, null, "Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC");
        add("Digest", Kind.ABSENT, null, null, "Digest username=\"alice\", realm=\"jira\"");
        add("Jira's own PAT among two headers (Jira's concern, as before imports)", Kind.ABSENT, null, null,
                "Bearer " + BUILTIN, basic("alice:alice"));
        add("Jira's own PAT shape, but the id is not digits", Kind.ABSENT, null, null, "Bearer " + NOT_DIGITS);
        add("Jira's own PAT as a Basic password (the built-in app never took Basic)", Kind.ABSENT, null, null,
                basic("alice:" + BUILTIN));
        add("OAuth 2.0 access token (JWT)", Kind.ABSENT, null, null, "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl");
        add("base64 of our token", Kind.ABSENT, null, null,
                "Bearer " + Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.US_ASCII)));
        add("prefix in the wrong case", Kind.ABSENT, null, null, "Bearer JPAT_" + TOKEN.substring(5));
        add("scheme glued to the token", Kind.ABSENT, null, null, "Bearer" + TOKEN);
        add("Basic with a password", Kind.ABSENT, null, null, basic("alice:alice"));
        add("Basic with a password that merely contains jpat_", Kind.ABSENT, null, null, basic("alice:xjpat_" + TOKEN));
        add("Basic that is not base64", Kind.ABSENT, null, null, "Basic !!!not-base64!!!");
        add("Basic without a colon", Kind.ABSENT, null, null, basic("alice" + TOKEN));
        add("two headers, neither ours", Kind.ABSENT, null, null, basic("alice:alice"), "Bearer NjM0NzE2OTk3MDk2");

        // ours if its id was imported (the filter asks the checker)
        add("Jira's own PAT (base64, no prefix)", Kind.BUILTIN, BUILTIN, null, "Bearer " + BUILTIN);
        add("Jira's own PAT, lower-case scheme", Kind.BUILTIN, BUILTIN, null, "bearer  " + BUILTIN + " ");

        // ours
        add("Bearer", Kind.BEARER, TOKEN, null, "Bearer " + TOKEN);
        add("scheme in lower case", Kind.BEARER, TOKEN, null, "bearer " + TOKEN);
        add("scheme in upper case", Kind.BEARER, TOKEN, null, "BEARER " + TOKEN);
        add("scheme in mixed case", Kind.BEARER, TOKEN, null, "bEaReR " + TOKEN);
        add("extra spaces and a tab", Kind.BEARER, TOKEN, null, "  Bearer \t  " + TOKEN + "  ");
        add("ours but too short (the check refuses it)", Kind.BEARER, "jpat_abc", null, "Bearer jpat_abc");
        add("Basic with our token", Kind.BASIC, TOKEN, "alice", basic("alice:" + TOKEN));
        add("Basic, lower-case scheme", Kind.BASIC, TOKEN, "alice", basic("alice:" + TOKEN).replace("Basic", "basic"));
        add("Basic with an empty username", Kind.BASIC, TOKEN, "", basic(":" + TOKEN));

        // ours and unreadable: 400
        add("empty Bearer value", Kind.MALFORMED, null, null, "Bearer");
        add("blank Bearer value", Kind.MALFORMED, null, null, "Bearer    ");
        add("two tokens in one header", Kind.MALFORMED, null, null, "Bearer " + TOKEN + " " + TOKEN);
        add("token and a comma", Kind.MALFORMED, null, null, "Bearer " + TOKEN + ", Basic x");
        add("token with a quote", Kind.MALFORMED, null, null, "Bearer " + TOKEN + "\"");
        add("two Authorization headers, one ours", Kind.MALFORMED, null, null, "Bearer " + TOKEN, basic("alice:alice"));
        add("two Bearer headers", Kind.MALFORMED, null, null, "Bearer " + TOKEN, "Bearer " + TOKEN);
        add("an empty Bearer beside another header", Kind.MALFORMED, null, null, "Bearer", basic("alice:alice"));
    }

    @Test
    public void everyHeaderCombinationIsClassifiedAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES) {
            Extraction e = BearerTokenExtractor.extract(c.headers);
            boolean ok = e.kind() == c.kind
                    && (c.kind != Kind.BEARER && c.kind != Kind.BASIC && c.kind != Kind.BUILTIN || c.token.equals(e.token()))
                    && (c.kind != Kind.BASIC || c.username.equals(e.username()))
                    && (c.kind != Kind.MALFORMED || e.reason() != null && !e.reason().isEmpty());
            if (!ok) {
                wrong.add(c.name + ": expected " + c.kind + " but got " + e);
            }
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    @Test
    public void malformedReasonsNeverContainTheToken() {
        for (Case c : CASES) {
            Extraction e = BearerTokenExtractor.extract(c.headers);
            if (e.kind() == Kind.MALFORMED) {
                assertFalse(c.name + ": " + e.reason(), e.reason().contains("jpat_"));
            }
        }
    }

    @Test
    public void toStringNeverShowsTheTokenOrTheUsername() {
        String text = BearerTokenExtractor.extract(Collections.singletonList(basic("alice:" + TOKEN))).toString();
        assertFalse(text, text.contains(TOKEN));
        assertFalse(text, text.contains("alice"));
        assertEquals("Extraction[BASIC]", text);
    }

    @Test
    public void nullEnumerationIsAbsent() {
        assertEquals(Kind.ABSENT, BearerTokenExtractor.extract((java.util.Enumeration<String>) null).kind());
    }
}
