package dev.jirapat.packaging;

import dev.jirapat.devhost.VelocityAllowlist;
import org.junit.Test;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Every {@code <method>} of the shipped descriptor's {@code <velocity-allowlist>} names, in Atlassian's entry
 * format, a public method that exists on a public plugin class compiled into target/classes, with exactly those
 * parameter types: a rename or a changed signature would otherwise leave the entry stale and Jira 10 would block
 * the template's call. The templates' own calls are covered by TemplatesAllowlistTest and
 * OwnerMailTemplateAllowlistTest.
 */
public class VelocityAllowlistEntriesTest {
    private static final Path DESCRIPTOR = Paths.get("target", "classes", "atlassian-plugin.xml");
    private static final Path CLASSES = Paths.get("target", "classes").toAbsolutePath();

    private static List<String> entries() throws Exception {
        try (InputStream in = Files.newInputStream(DESCRIPTOR)) {
            return VelocityAllowlist.entriesOf(in);
        }
    }

    @Test
    public void descriptorWhenBuiltThenHasAnAllowlistWithEntries() throws Exception {
        String xml = new String(Files.readAllBytes(DESCRIPTOR), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xml.contains("<velocity-allowlist key=\""));
        assertFalse(entries().isEmpty());
    }

    @Test
    public void allowlistEntryWhenShippedThenNamesAnExistingPublicPluginMethodWithExactlyThoseParameters() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : entries()) {
            if (!seen.add(entry)) {
                problems.add(entry + ": listed twice");
            }
            problems.addAll(check(entry));
        }
        assertEquals("stale or malformed <velocity-allowlist> entries", "[]", problems.toString());
    }

    /** The check itself fails on what it must catch, so the test above can fail. */
    @Test
    public void checkWhenEntryIsStaleOrMalformedThenReportsIt() {
        String[] bad = {
            "dev.jirapat.web.ProfilePanelMode#getName(java.lang.String)", // wrong parameters
            "dev.jirapat.web.ProfilePanelMode#getLabel()",                // no such method
            "dev.jirapat.web.NoSuchClass#getName()",                     // no such class
            "dev.jirapat.web.ProfilePanelMode#getName( )",                // not the entry format
            "dev.jirapat.web.ProfilePanelMode.getName()",                 // not the entry format
            "java.lang.String#length()",                                  // not a plugin class
            "dev.jirapat.devhost.DevI18n#getText(java.lang.String)",      // the dev host, not the plugin
        };
        for (String entry : bad) {
            assertFalse(entry, check(entry).isEmpty());
        }
        assertEquals("[]", check("dev.jirapat.web.ProfilePanelMode#getName()").toString());
    }

    static List<String> check(String entry) {
        List<String> problems = new ArrayList<>();
        Matcher m = VelocityAllowlist.ENTRY.matcher(entry);
        if (!m.matches()) {
            problems.add(entry + ": not of the form fq.Class#method(fq.ParamType,...)");
            return problems;
        }
        String className = m.group(1);
        if (!VelocityAllowlist.isPluginClass(className)) {
            problems.add(entry + ": not a plugin class (Jira honours entries for the plugin's own classes only)");
            return problems;
        }
        try {
            Class<?> type = Class.forName(className, false, VelocityAllowlistEntriesTest.class.getClassLoader());
            Path from = Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!from.equals(CLASSES)) {
                problems.add(entry + ": " + className + " comes from " + from + ", not the plugin's classes " + CLASSES);
            }
            if (!Modifier.isPublic(type.getModifiers())) {
                problems.add(entry + ": " + className + " is not public, so Velocity calls it through an interface");
            }
            List<Class<?>> params = new ArrayList<>();
            if (m.group(3) != null) {
                for (String p : m.group(3).split(",")) {
                    if (p.startsWith("javax.servlet.") || p.startsWith("javax.ws.rs.") || p.startsWith("javax.inject.")) {
                        problems.add(entry + ": " + p + " is renamed to jakarta.* in the Jira 11 jar");
                    }
                    params.add(VelocityAllowlist.typeOf(p));
                }
            }
            Method method = type.getDeclaredMethod(m.group(2), params.toArray(new Class<?>[0]));
            if (!Modifier.isPublic(method.getModifiers())) {
                problems.add(entry + ": not public");
            }
            if (!entry.equals(VelocityAllowlist.entry(method))) {
                problems.add(entry + ": the method's entry is " + VelocityAllowlist.entry(method));
            }
        } catch (ClassNotFoundException | NoSuchMethodException | java.net.URISyntaxException e) {
            problems.add(entry + ": " + e);
        }
        return problems;
    }
}
