package dev.jirapat.token;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.Test;

public class ScopeTest {
    private static final List<String> SAFE = Arrays.asList("GET", "HEAD", "OPTIONS");
    private static final List<String> UNSAFE = Arrays.asList("POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT",
            "PROPFIND", "MKCOL");
    private static final List<String> ODD = Arrays.asList("get", "Get", "head", "options", " GET", "GET ", "", "G\u0395T",
            null);

    @Test
    public void readPermitsWhenSafeMethodThenTrue() {
        for (String method : SAFE) {
            assertTrue(method, Scope.READ.permits(method, PathKind.REST_API));
        }
    }

    @Test
    public void readPermitsWhenUnsafeMethodThenFalse() {
        for (String method : UNSAFE) {
            assertFalse(method, Scope.READ.permits(method, PathKind.REST_API));
        }
    }

    @Test
    public void readPermitsWhenMethodNotExactUpperCaseThenFalse() {
        for (String method : ODD) {
            assertFalse(String.valueOf(method), Scope.READ.permits(method, PathKind.REST_API));
        }
    }

    @Test
    public void readPermitsWhenSafeMethodOutsideTheRestApiOrOnAnAmbiguousPathThenFalse() {
        for (String method : SAFE) {
            assertFalse(method, Scope.READ.permits(method, PathKind.OTHER));
            assertFalse(method, Scope.READ.permits(method, PathKind.AMBIGUOUS));
        }
    }

    @Test
    public void writePermitsWhenAnyMethodOnAnyPathThenTrue() {
        for (List<String> group : Arrays.asList(SAFE, UNSAFE, ODD)) {
            for (String method : group) {
                for (PathKind path : PathKind.values()) {
                    assertTrue(method + " " + path, Scope.WRITE.permits(method, path));
                }
            }
        }
    }

    @Test
    public void parseWhenWireNameThenScope() {
        assertEquals(Optional.of(Scope.READ), Scope.parse("read"));
        assertEquals(Optional.of(Scope.WRITE), Scope.parse("write"));
        for (Scope s : Scope.values()) {
            assertEquals(Optional.of(s), Scope.parse(s.wireName()));
        }
    }

    @Test
    public void parseWhenNotExactWireNameThenEmpty() {
        for (String text : Arrays.asList("READ", "Read", "WRITE", "Write", "", " ", " read", "read ", "admin", "readwrite",
                "read,write", "r", "w", "ＲＥＡＤ", null)) {
            assertEquals(String.valueOf(text), Optional.empty(), Scope.parse(text));
        }
    }

    @Test
    public void wireNameWhenDefaultLocaleIsTurkishThenStillAsciiLowerCase() {
        // "WRITE".toLowerCase() in a Turkish locale is "wr\u0131te" (dotless i), which would break parse("write").
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertEquals("write", Scope.WRITE.wireName());
            assertEquals(Optional.of(Scope.WRITE), Scope.parse("write"));
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @Test
    public void wireNameWhenCalledThenLowerCaseEnumName() {
        assertEquals("read", Scope.READ.wireName());
        assertEquals("write", Scope.WRITE.wireName());
    }
}
