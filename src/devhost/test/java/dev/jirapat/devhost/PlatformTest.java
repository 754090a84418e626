package dev.jirapat.devhost;

import org.junit.Test;

import java.io.File;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Which Jira line {@code -Dpat.platform} names, and the class path {@code mvn -Prun} gives each line's host. */
public class PlatformTest {
    @Test
    public void parseWhenLineNumberOrJiraPrefixThenThatLineAndBlankIsTheNewest() {
        assertEquals(Platform.NINE, Platform.parse("9"));
        assertEquals(Platform.TEN, Platform.parse(" 10 "));
        assertEquals(Platform.ELEVEN, Platform.parse("jira11"));
        assertEquals(Platform.ELEVEN, Platform.parse(""));
        assertEquals(Platform.ELEVEN, Platform.parse(null));
    }

    @Test
    public void parseWhenNotALineThenAClearError() {
        for (String bad : new String[] {"8", "12", "ten", "10.3"}) {
            try {
                Platform.parse(bad);
                fail(bad);
            } catch (DevHostException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("give 9, 10 or 11"));
            }
        }
    }

    @Test
    public void rulesWhenJira9ThenRestV1AndOpenElseRestV2AndSecureByDefault() {
        assertFalse(Platform.NINE.restV2());
        assertFalse(Platform.NINE.secureByDefault());
        for (Platform p : new Platform[] {Platform.TEN, Platform.ELEVEN}) {
            assertTrue(p.restV2());
            assertTrue(p.secureByDefault());
        }
    }

    @Test
    public void lineClasspathWhenJira9OrJira10ThenOnlyThatLinesRestStackStays() {
        String repo = "/home/u/.m2/repository";
        String[] common = {"/p/target/test-classes", repo + "/org/apache/tomcat/embed/tomcat-embed-core/9/t.jar"};
        String[] v1 = {repo + "/com/sun/jersey/jersey-server/1.19.4/j.jar", repo + "/javax/ws/rs/jsr311-api/1.1.1/a.jar",
                repo + "/org/codehaus/jackson/jackson-jaxrs/1.9.13/x.jar"};
        String[] v2 = {repo + "/org/glassfish/jersey/core/jersey-server/2.47/j.jar",
                repo + "/jakarta/ws/rs/jakarta.ws.rs-api/2.1.6/a.jar"};
        String all = String.join(File.pathSeparator, common) + File.pathSeparator + String.join(File.pathSeparator, v1)
                + File.pathSeparator + String.join(File.pathSeparator, v2);
        assertEquals(String.join(File.pathSeparator, concat(common, v1)), DevHostLauncher.lineClasspath(Platform.NINE, all));
        assertEquals(String.join(File.pathSeparator, concat(common, v2)), DevHostLauncher.lineClasspath(Platform.TEN, all));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
