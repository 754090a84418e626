package dev.jirapat.packaging;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * Each jar names only its own line's servlet, JAX-RS, inject and mail APIs: the jira11 jar (made by the Eclipse
 * Transformer) no {@code javax.servlet}, {@code javax.ws.rs}, {@code javax.inject} or {@code javax.mail}, the jira9
 * and jira10 jars nothing of {@code jakarta}. Read from the bytes: every constant-pool string of every class (types, descriptors,
 * generic signatures, annotations, string literals) and every resource the host reads (the descriptor, the Spring
 * XML, templates, i18n, scripts). A name left in either would fail only when that code runs in that Jira.
 */
@RunWith(Parameterized.class)
public class ApiNamespaceIT {

    /** Build metadata Maven adds (the pom names every dependency); the host never reads it. */
    private static final String MAVEN_METADATA = "META-INF/maven/";

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> lines() {
        return JiraLine.parameters();
    }

    private final JiraLine line;
    private final PluginJar jar;
    private final Pattern foreign;

    public ApiNamespaceIT(JiraLine line) throws Exception {
        this.line = line;
        this.jar = PluginJar.of(line);
        this.foreign = foreignNames(line);
    }

    /**
     * The names no class or resource of this line's jar may hold, dotted or slashed: on 11 the javax APIs the
     * rename moves (javax.crypto stays javax), on 9 and 10 anything in jakarta.
     */
    static Pattern foreignNames(JiraLine line) {
        return line.namespace().equals("jakarta")
                ? Pattern.compile("javax[./](?:servlet|ws[./]rs|inject|mail)(?![\\w-])")
                : Pattern.compile("jakarta[./]\\w");
    }

    @Test
    public void classesWhenBuiltThenNameNoApiOfTheOtherNamespace() {
        Map<String, Set<String>> found = new TreeMap<>();
        jar.classFiles().forEach((name, bytes) -> {
            for (String constant : ClassReferences.utf8Constants(bytes)) {
                Matcher m = foreign.matcher(constant);
                if (m.find()) {
                    found.computeIfAbsent(name, n -> new TreeSet<>()).add(constant);
                }
            }
        });
        assertTrue(line + " jar: classes naming " + foreign.pattern() + " (class -> constants): " + found,
                found.isEmpty());
    }

    @Test
    public void resourcesWhenPackedThenNameNoApiOfTheOtherNamespace() {
        Map<String, String> found = new TreeMap<>();
        Set<String> scanned = new TreeSet<>();
        for (String name : jar.entryNames()) {
            if (name.endsWith("/") || name.endsWith(".class") || name.startsWith(MAVEN_METADATA)) {
                continue;
            }
            scanned.add(name);
            Matcher m = foreign.matcher(new String(jar.bytes(name), StandardCharsets.ISO_8859_1));
            if (m.find()) {
                found.put(name, m.group());
            }
        }
        assertTrue("the descriptor and the Spring XML were scanned: " + scanned,
                scanned.containsAll(List.of("atlassian-plugin.xml", "META-INF/spring/plugin-context.xml",
                        "META-INF/MANIFEST.MF")));
        assertTrue(line + " jar: resources naming " + foreign.pattern() + ": " + found, found.isEmpty());
    }

    /** The check above cannot pass for want of classes: the jar does use its own line's four APIs. */
    @Test
    public void classesWhenBuiltThenUseTheLinesOwnServletJaxRsInjectAndMail() {
        Set<String> used = jar.referencedPackages().keySet();
        Set<String> missing = new TreeSet<>();
        for (String api : line.renamedApis()) {
            if (used.stream().noneMatch(pkg -> pkg.equals(api) || pkg.startsWith(api + "."))) {
                missing.add(api);
            }
        }
        assertEquals(line + " jar: APIs of its own namespace that no class references (referenced: " + used + ")",
                Set.of(), missing);
    }
}
