package dev.jirapat.auth;

import dev.jirapat.token.PathKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;

/**
 * The path rule over generated raw paths built from the pieces path-confusion attacks are made of. What makes a
 * plain path safe: every way a container, proxy or filter might read it (decode once or twice, remove
 * dot-segments, take a backslash for a slash, drop path parameters, merge slashes) gives the same path.
 */
class RoutedPathProperties {
    private static final String[] PIECES = {"/", "/", "/", ".", "..", "%2e", "%2E", "%2f", "%2F", "%5c", "\\", ";",
            ";x=1", "%25", "%252e", "%00", "%41", "rest", "rest", "api", "a", "secure", "%CE%B1", "x.y"};

    @Property(tries = 5000)
    void isPlainWhenAnyGeneratedPathThenNeverThrowsAndEveryReadingAgrees(@ForAll("paths") String raw) {
        if (!RoutedPath.isPlain(raw)) {
            return;
        }
        String once = decode(raw);
        assertEquals(raw, once, removeDotSegments(once));
        assertEquals(raw, once, decode(once));
        assertEquals(raw, once, removeDotSegments(once.replace('\\', '/')));
        assertEquals(raw, once, stripParameters(once));
        assertEquals(raw, once, once.replaceAll("/{2,}", "/"));
    }

    @Property(tries = 5000)
    void classifyWhenRestApiThenEveryReadingStartsWithRest(@ForAll("paths") String raw) {
        String routed = removeDotSegments(decode(raw));
        if (RoutedPath.classify("/jira" + raw, "/jira", routed, null) == PathKind.REST_API) {
            for (String reading : new String[] {routed, decode(decode(raw)), removeDotSegments(decode(decode(raw))),
                    stripParameters(routed), removeDotSegments(decode(raw).replace('\\', '/'))}) {
                assertEquals(raw + " read as " + reading, true, reading.startsWith("/rest/"));
            }
        }
    }

    @Property(tries = 3000)
    void isPlainWhenAnEncodedDotSegmentIsInsideThenFalse(@ForAll("paths") String prefix, @ForAll("dotSegments") String dots,
                                                        @ForAll("paths") String suffix) {
        assertFalse(RoutedPath.isPlain(prefix + "/" + dots + suffix));
    }

    @Property(tries = 2000)
    void classifyWhenArbitraryTextThenNeverThrows(@ForAll String uri, @ForAll String context, @ForAll String servletPath) {
        assertNotEquals(null, RoutedPath.classify(uri, context, servletPath, null));
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(12).map(parts -> "/" + String.join("", parts));
    }

    @Provide
    Arbitrary<String> dotSegments() {
        return Arbitraries.of(".", "..", "%2e", "%2E", ".%2e", "%2e.", "%2e%2e", "%2E%2E", "..;", ".;x");
    }

    /** Percent-decoding as a container does it (invalid escapes kept as they are). */
    static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** RFC 3986 section 5.2.4, over '/'-separated segments. */
    static String removeDotSegments(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (seg.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    /** Drops {@code ;param} from every segment, as Tomcat and Jetty do before mapping. */
    static String stripParameters(String path) {
        return path.replaceAll(";[^/]*", "");
    }
}
