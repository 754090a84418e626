package dev.jirapat.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.Message;
import dev.jirapat.token.Actor;
import dev.jirapat.token.InMemoryPolicy;
import dev.jirapat.token.Rejection;
import dev.jirapat.token.UserAccount;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The refusals people read: written without wire field names, "you" for the caller's own tokens and the owner's
 * name for an administrator acting for someone else, plural forms chosen by the bundle, and the field each is about.
 */
public class RefusalMessagesTest {
    /** The request fields of the API (camelCase wire names) that a person's message must not show. */
    private static final List<String> WIRE_NAMES = Arrays.asList("expirationDuration", "allowedIps", "userKeys",
            "rawToken", "maxExpiryDays", "maxTokensPerUser", "nameMaxLength", "eternalTokensAllowed", "userKey");

    private final Properties bundle = bundle();
    private final Map<String, String> overrides = new HashMap<>();
    private final Refusals refusals = new Refusals(new Messages(resolver(bundle)), new InMemoryPolicy(overrides));
    private final Actor alice = Actor.user("JIRAUSER10100");
    private final Actor admin = Actor.user("JIRAUSER10000");
    private final UserAccount aliceAccount = new UserAccount("JIRAUSER10100", "alice", "Alice Example", "alice@example.com", true);

    @Test
    public void everyRejectionWhenFormattedThenNamesNoWireFieldAndNoPluralInBrackets() {
        for (Rejection rejection : Rejection.values()) {
            for (String text : Arrays.asList(refusals.of(rejection, alice).getMessage(),
                    refusals.of(rejection, admin, aliceAccount).getMessage())) {
                for (String wire : WIRE_NAMES) {
                    assertFalse(rejection + ": " + text, text.contains(wire));
                }
                assertFalse(rejection + ": " + text, text.contains("(s)"));
                assertFalse(rejection + ": " + text, text.contains("{"));
            }
        }
    }

    @Test
    public void bundleWhenReadThenNoMessageWritesAPluralInBrackets() {
        for (String key : bundle.stringPropertyNames()) {
            assertFalse(key + " = " + bundle.getProperty(key), bundle.getProperty(key).contains("(s)"));
        }
    }

    @Test
    public void tokenLimitWhenOwnTokensThenSaysYouAndWhenAdminForAliceThenNamesHer() {
        overrides.put("maxTokensPerUser", "2");
        assertEquals("You already have 2 tokens, the most allowed. Revoke one first.",
                refusals.of(Rejection.TOKEN_LIMIT_REACHED, alice).getMessage());
        assertEquals("You already have 2 tokens, the most allowed. Revoke one first.",
                refusals.of(Rejection.TOKEN_LIMIT_REACHED, alice, aliceAccount).getMessage());
        assertEquals("Alice Example already has 2 tokens, the most allowed. Revoke one of them first.",
                refusals.of(Rejection.TOKEN_LIMIT_REACHED, admin, aliceAccount).getMessage());
    }

    @Test
    public void countsWhenOneThenSingularAndWhenTwoOrMoreThenPlural() {
        overrides.put("maxTokensPerUser", "1");
        overrides.put("maxExpiryDays", "1");
        overrides.put("nameMaxLength", "1");
        assertEquals("You already have 1 token, the most allowed. Revoke one first.",
                refusals.of(Rejection.TOKEN_LIMIT_REACHED, alice).getMessage());
        assertEquals("Expiry can be at most 1 day.", refusals.of(Rejection.DURATION_TOO_LONG, alice).getMessage());
        assertEquals("A token name can be at most 1 character long.", refusals.of(Rejection.NAME_TOO_LONG, alice).getMessage());
        overrides.put("maxExpiryDays", "365");
        overrides.put("nameMaxLength", "2");
        assertEquals("Expiry can be at most 365 days.", refusals.of(Rejection.DURATION_TOO_LONG, alice).getMessage());
        assertEquals("A token name can be at most 2 characters long.", refusals.of(Rejection.NAME_TOO_LONG, alice).getMessage());
        assertEquals("Tokens must expire on this Jira: choose an expiry of at most 365 days.",
                refusals.of(Rejection.ETERNAL_NOT_ALLOWED, alice).getMessage());
    }

    @Test
    public void bulkRevokeTextsWhenOneOrTwoTokensThenTheirOwnForm() {
        String confirm = bundle.getProperty("pat.admin.bulkrevoke.confirm");
        assertEquals("Revoke the selected token? Scripts that use it stop working at once.", format(confirm, 1));
        assertEquals("Revoke the 2 selected tokens? Scripts that use them stop working at once.", format(confirm, 2));
        String done = bundle.getProperty("pat.admin.bulkrevoke.done");
        assertEquals("Revoked 1 token.", format(done, 1));
        assertEquals("Revoked 2 tokens.", format(done, 2));
        assertEquals("1 day", format(bundle.getProperty("pat.create.expiry.days"), 1));
        assertEquals("30 days", format(bundle.getProperty("pat.create.expiry.days"), 30));
    }

    @Test
    public void inactiveOwnerWhenAdminActsForHerThenNamesHerAndUnknownOwnerQuotesTheUsername() {
        assertEquals("Alice Example is inactive, so no token can be created for them.",
                refusals.of(Rejection.OWNER_INACTIVE, admin, aliceAccount).getMessage());
        ApiException unknown = refusals.unknownOwner("zed\n<b>");
        assertEquals("There is no user with the username zed?<b>.", unknown.getMessage());
        assertEquals("username", unknown.field());
    }

    @Test
    public void fieldWhenRejectionIsAboutARequestFieldThenItsWireName() {
        assertEquals("expirationDuration", refusals.of(Rejection.DURATION_TOO_LONG, alice).field());
        assertEquals("expirationDuration", refusals.of(Rejection.ETERNAL_NOT_ALLOWED, alice).field());
        assertEquals("name", refusals.of(Rejection.NAME_TOO_LONG, alice).field());
        assertEquals("allowedIps", refusals.of(Rejection.INVALID_IP_RANGE, alice).field());
        assertEquals("username", refusals.of(Rejection.OWNER_INACTIVE, admin, aliceAccount).field());
        assertNull(refusals.of(Rejection.TOKEN_LIMIT_REACHED, alice).field());
        assertNull(refusals.of(Rejection.NOT_FOUND, alice).field());
        assertTrue(refusals.of(Rejection.NOT_FOUND, alice).status() == 404);
    }

    private static String format(String pattern, long count) {
        return new MessageFormat(pattern, Locale.ROOT).format(new Object[] {count});
    }

    /** SAL's resolver as Jira's i18n behaves: the bundle's pattern through java.text.MessageFormat. */
    private static I18nResolver resolver(Properties bundle) {
        return new I18nResolver() {
            @Override
            public String getText(String key, Serializable... arguments) {
                return new MessageFormat(bundle.getProperty(key, key), Locale.ROOT).format(arguments);
            }

            @Override
            public Message createMessage(String key, Serializable... arguments) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static Properties bundle() {
        Properties properties = new Properties();
        try (InputStream in = RefusalMessagesTest.class.getResourceAsStream("/dev/jirapat/i18n/pat.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
