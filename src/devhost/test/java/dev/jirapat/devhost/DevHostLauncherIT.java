package dev.jirapat.devhost;

import org.junit.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * {@code mvn -Prun} hands the host JVM every Maven property named {@code atlassian.pats.*}, {@code dev.jirapat.*}
 * or {@code pat.*}: the launcher's own command line, run for a given set of properties, with a main class that
 * prints what its JVM received.
 */
public class DevHostLauncherIT {
    private static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    public void commandWhenPropertiesInTheThreePrefixesThenTheHostJvmReceivesExactlyThose() throws Exception {
        Properties maven = new Properties();
        maven.setProperty("atlassian.pats.max.tokens.per.user", "3");
        maven.setProperty("atlassian.pats.expiry.days.max", "90");
        maven.setProperty("dev.jirapat.lastused.flush.seconds", "5");
        maven.setProperty("dev.jirapat.some.future.flag", "a value with spaces, \"quotes\", 'apostrophes' and a=b");
        maven.setProperty("pat.devhost.port", "2991");
        maven.setProperty("pat.db.url", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
        maven.setProperty("pat.db.password", "");
        maven.setProperty("pat.devhost.name", "$HOME `id` %classpath \\ back");
        // not forwarded: other names, and names that only look alike
        maven.setProperty("maven.repo.local", "/tmp/m2");
        maven.setProperty("atlassian.patsX", "1");
        maven.setProperty("atlassian.pats", "1");
        maven.setProperty("patrol", "1");
        maven.setProperty("pat.", "empty name after the prefix");
        maven.setProperty("dev.jirapatch", "1");
        maven.setProperty("skipTests", "true");

        Properties received = run(DevHostLauncher.command(JAVA, System.getProperty("java.class.path"), maven,
                Arrays.asList("--add-opens", "java.base/java.lang=ALL-UNNAMED", PrintJvmArguments.class.getName())));

        Map<String, String> expected = new TreeMap<>();
        for (String name : new String[] {"atlassian.pats.max.tokens.per.user", "atlassian.pats.expiry.days.max",
                "dev.jirapat.lastused.flush.seconds", "dev.jirapat.some.future.flag", "pat.devhost.port", "pat.db.url",
                "pat.db.password", "pat.devhost.name"}) {
            expected.put(name, maven.getProperty(name));
        }
        assertEquals(expected, withPrefixes(received, "atlassian.pats", "dev.jirapat", "pat"));
        for (String name : new String[] {"maven.repo.local", "atlassian.patsX", "patrol", "skipTests", "dev.jirapatch"}) {
            assertEquals(name, null, received.getProperty("property." + name));
        }
        assertTrue(received.getProperty("jvm.options"),
                Arrays.asList(received.getProperty("jvm.options").split("\n")).contains("--add-opens=java.base/java.lang=ALL-UNNAMED")
                        || received.getProperty("jvm.options").contains("java.base/java.lang=ALL-UNNAMED"));
    }

    @Test
    public void commandWhenNoPropertiesToForwardThenOnlyTheOptionsClasspathAndMainClass() {
        Properties maven = new Properties();
        maven.setProperty("user.home", "/home/x");
        List<String> command = DevHostLauncher.command("java", "a.jar", maven, Arrays.asList("-Xmx1g", "x.Main"));
        assertEquals(Arrays.asList("java", "-Xmx1g", "-classpath", "a.jar", "x.Main"), command);
    }

    @Test
    public void commandWhenForwardedThenSortedAndBeforeTheClasspath() {
        Properties maven = new Properties();
        maven.setProperty("pat.b", "2");
        maven.setProperty("atlassian.pats.a", "1");
        maven.setProperty("dev.jirapat.c", "3");
        assertEquals(Arrays.asList("java", "-Datlassian.pats.a=1", "-Ddev.jirapat.c=3", "-Dpat.b=2", "-classpath", "cp", "M"),
                DevHostLauncher.command("java", "cp", maven, Arrays.asList("M")));
    }

    @Test
    public void classpathWhenUrlClassLoaderThenItsEntriesInOrder() throws IOException {
        Path a = Paths.get("target", "classes").toAbsolutePath();
        Path b = Paths.get("target", "dir with space", "x.jar").toAbsolutePath();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {a.toUri().toURL(), b.toUri().toURL()}, null)) {
            assertEquals(a + File.pathSeparator + b, DevHostLauncher.classpath(loader));
        }
    }

    private static Map<String, String> withPrefixes(Properties received, String... prefixes) {
        Map<String, String> out = new TreeMap<>();
        for (String name : received.stringPropertyNames()) {
            for (String prefix : prefixes) {
                if (name.startsWith("property." + prefix + ".")) {
                    out.put(name.substring("property.".length()), received.getProperty(name));
                }
            }
        }
        return out;
    }

    private static Properties run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertTrue("the JVM ends", p.waitFor(60, TimeUnit.SECONDS));
        String text = out.toString(StandardCharsets.ISO_8859_1);
        assertEquals(text, 0, p.exitValue());
        Properties received = new Properties();
        received.load(new StringReader(text));
        return received;
    }
}
