package dev.jirapat.token;

import org.junit.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The built-in app's token shape and its PKCS5S2 hash. The hash vectors are published ones: passlib's
 * {@code atlassian_pbkdf2_sha1} test cases ("generated using Jira") and hashcat's example for mode 12001.
 */
public class BuiltinTokenTest {
    private static final String GREEK = "\u0399\u03c9\u03b1\u03bd\u03bd\u03b7\u03c2";

    @Test
    public void matchesWhenPublishedJiraVectorThenTrue() {
        assertTrue(hash("{PKCS5S2}c4xaeTQM0lUieMS3V5voiexyX9XhqC2dBd5ecVy60IPksHChwoTAVYFrhsgoq8/p").matches("admin"));
        assertTrue(hash("{PKCS5S2}cE9Yq6Am5tQGdHSHhky2XLeOnURwzaLBG2sur7FHKpvy2u0qDn6GcVGRjlmJoIUy").matches(GREEK));
        assertTrue(hash("{PKCS5S2}NzIyNzM0NzY3NTIwNjI3MdDDis7wPxSbSzfFqDGf7u/L00kSEnupbz36XCL0m7wa").matches("hashcat"));
    }

    @Test
    public void matchesWhenOtherSecretThenFalse() {
        Pkcs5s2Hash admin = hash("{PKCS5S2}c4xaeTQM0lUieMS3V5voiexyX9XhqC2dBd5ecVy60IPksHChwoTAVYFrhsgoq8/p");
        assertFalse(admin.matches("Admin"));
        assertFalse(admin.matches("admin "));
        assertFalse(admin.matches(""));
        assertFalse(admin.matches(null));
    }

    @Test
    public void parseWhenMalformedHashThenEmpty() {
        // passlib's malformed cases: a bad character, a missing character, padding where none belongs
        assertFalse(Pkcs5s2Hash.parse("{PKCS5S2}c4xaeTQM0lUieMS3V5voiexyX9XhqC2dBd5ecVy!0IPksHChwoTAVYFrhsgoq8/p").isPresent());
        assertFalse(Pkcs5s2Hash.parse("{PKCS5S2}c4xaeTQM0lUieMS3V5voiexyX9XhqC2dBd5ecVy60IPksHChwoTAVYFrhsgoq8/").isPresent());
        assertFalse(Pkcs5s2Hash.parse("{PKCS5S2}c4xaeTQM0lUieMS3V5voiexyX9XhqC2dBd5ecVy60IPksHChwoTAVYFrhsgoq8/=").isPresent());
        assertFalse(Pkcs5s2Hash.parse("{pkcs5s2}c4xaeTQM0lUieMS3V5voiexyX9XhqC2dBd5ecVy60IPksHChwoTAVYFrhsgoq8/p").isPresent());
        assertFalse(Pkcs5s2Hash.parse("{SHA}c4xaeTQM0lUieMS3V5voiexyX9XhqC2dBd5ecVy60IPksHChwoTAVYFrhsgoq8/p").isPresent());
        assertFalse(Pkcs5s2Hash.parse("").isPresent());
        assertFalse(Pkcs5s2Hash.parse(null).isPresent());
    }

    @Test
    public void toStringWhenHashThenTextNotShown() {
        String text = "{PKCS5S2}c4xaeTQM0lUieMS3V5voiexyX9XhqC2dBd5ecVy60IPksHChwoTAVYFrhsgoq8/p";
        assertFalse(hash(text).toString().contains("c4xae"));
    }

    @Test
    public void parseWhenScannerFixtureThenIdAndShapeRead() {
        // TruffleHog's JiraDataCenterPAT test fixture: a 12-digit id, ':' and 20 bytes
        BuiltinToken token = BuiltinToken.parse("NTg4OTI1Mzk1OTA1OiBb9S4WPEoK6cmOe6pq6VO0lt6M").get();
        assertEquals("588925395905", token.id());
        assertFalse(token.toString().contains("NTg4"));
        assertEquals("BuiltinToken[id=588925395905]", token.toString());
    }

    @Test
    public void matchesWhenBuiltLikeTheBuiltInAppThenOnlyItsOwnSecretMatches() {
        byte[] secret = new byte[20];
        Arrays.fill(secret, (byte) 7);
        BuiltinToken token = BuiltinToken.of("123456789012", secret);
        // the app hashes the Base64 text of the 20 secret bytes, not the token
        Pkcs5s2Hash stored = Pkcs5s2Hash.of(Base64.getEncoder().encodeToString(secret), new byte[16]);
        assertTrue(token.matches(stored));
        secret[19] = 8;
        assertFalse(BuiltinToken.of("123456789012", secret).matches(stored));
        assertFalse(stored.matches(token.reveal()));
    }

    @Test
    public void parseWhenNotTheBuiltInShapeThenEmpty() {
        String valid = BuiltinToken.of("000000000001", new byte[20]).reveal();
        assertTrue(BuiltinToken.parse(valid).isPresent());
        assertFalse(BuiltinToken.parse(valid + "=").isPresent());
        assertFalse(BuiltinToken.parse(valid.substring(1)).isPresent());
        assertFalse(BuiltinToken.parse(valid.replace('M', '-')).isPresent());
        // URL-safe Base64 or percent-encoding of the same bytes is a different text: never the same token
        byte[] ones = new byte[20];
        Arrays.fill(ones, (byte) 0xff);
        String slashes = BuiltinToken.of("000000000001", ones).reveal();
        assertTrue(slashes.endsWith("////"));
        assertFalse(BuiltinToken.parse(slashes.replace('/', '_')).isPresent());
        assertFalse(BuiltinToken.parse(slashes.replace("/", "%2F")).isPresent());
        byte[] notDigits = "12345678901a:".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(notDigits, 33);
        assertFalse(BuiltinToken.parse(Base64.getEncoder().encodeToString(bytes)).isPresent());
        byte[] noColon = Arrays.copyOf("123456789012;".getBytes(StandardCharsets.US_ASCII), 33);
        assertFalse(BuiltinToken.parse(Base64.getEncoder().encodeToString(noColon)).isPresent());
        assertFalse(BuiltinToken.parse(null).isPresent());
        assertFalse(BuiltinToken.parse(TokenMint.class.getName()).isPresent());
    }

    private static Pkcs5s2Hash hash(String text) {
        return Pkcs5s2Hash.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }
}
