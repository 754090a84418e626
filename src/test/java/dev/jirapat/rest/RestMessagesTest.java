package dev.jirapat.rest;

import dev.jirapat.token.Rejection;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** Every text the API can send exists in pat.properties and survives MessageFormat (no apostrophe traps). */
public class RestMessagesTest {
    @Test
    public void everyRejectionAndEveryRestKeyWhenLookedUpThenHasAMessage() throws Exception {
        Properties bundle = bundle();
        List<String> keys = new ArrayList<>();
        for (Rejection rejection : Rejection.values()) {
            keys.add(Messages.key(rejection));
        }
        for (JsonRefusal.Problem problem : JsonRefusal.Problem.values()) {
            if (problem.isSyntax()) {
                keys.add(JsonBody.syntaxKey(problem)); // the reason inside BODY_SYNTAX
            }
        }
        for (Field field : Messages.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !((String) field.get(null)).endsWith(".")) { // a key prefix, not a key
                keys.add((String) field.get(null));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            String text = bundle.getProperty(key);
            if (text == null || text.trim().isEmpty()) {
                missing.add(key);
            } else {
                String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {2L, "B", "C"});
                assertTrue(key + " loses text in MessageFormat (a lone apostrophe?): " + formatted,
                        text.contains("'") ? formatted.contains("'") : !formatted.contains("{"));
            }
        }
        assertTrue("keys without a message in pat.properties: " + missing, missing.isEmpty());
        assertEquals("one message per rejection", Rejection.values().length,
                keys.stream().filter(k -> k.startsWith("pat.rejection.")).distinct().count());
    }

    @Test
    public void quoteWhenClientTextIsLongOrHoldsControlCharactersThenShortenedAndNeutralised() {
        assertEquals("expiration", Messages.quote("expiration"));
        assertEquals("a?b?c", Messages.quote("a\nb\u202Ec"));
        assertEquals("x".repeat(40) + "\u2026", Messages.quote("x".repeat(41)));
        assertEquals("\uD83D\uDE00".repeat(40) + "\u2026", Messages.quote("\uD83D\uDE00".repeat(50)));
    }

    @Test
    public void escapeWhenTextHoldsQuotesControlsAndLoneSurrogatesThenJsonSafe() {
        byte[] written = new JsonWriter().userText("a\"b\\c\n\uD800\uD83D\uDE00").toBytes();
        assertEquals("\"a\\\"b\\\\c\\u000A\\uD800\uD83D\uDE00\"", new String(written, StandardCharsets.UTF_8));
    }

    private static Properties bundle() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RestMessagesTest.class.getResourceAsStream("/dev/jirapat/i18n/pat.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
