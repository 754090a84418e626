package dev.jirapat.packaging;

import dev.jirapat.packaging.Architecture.ClassFile;
import dev.jirapat.packaging.Architecture.Rule;
import dev.jirapat.packaging.Architecture.Verdict;
import dev.jirapat.packaging.Architecture.Violation;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;

/**
 * The plugin's architecture, held on its compiled classes (target/classes) and the dev host's
 * (target/test-classes): each rule lists every class that breaks it, with what it references.
 *
 * <p>A rule that some classes break for a while can list them in {@link #KNOWN_VIOLATORS}: while only those break
 * it, the test is skipped (JUnit {@code Assume}) and names them; any other class breaking it fails the test.
 */
public class ArchitectureTest {
    /**
     * Classes that break a rule while they are being untangled, by rule. Empty the list as they are fixed: the
     * test then says which ones no longer break the rule.
     */
    static final java.util.Map<Rule, Set<String>> KNOWN_VIOLATORS = known();

    private static List<ClassFile> plugin;
    private static List<ClassFile> devHost;
    private static List<ClassFile> tests;

    @BeforeClass
    public static void readClasses() throws URISyntaxException {
        Path mainClasses = classesDirectoryOf(dev.jirapat.token.TokenService.class);
        Path testClasses = classesDirectoryOf(ArchitectureTest.class);
        plugin = Architecture.read(mainClasses, Architecture.PLUGIN);
        devHost = Architecture.read(testClasses, Architecture.DEV_HOST);
        tests = Architecture.read(testClasses, Architecture.PLUGIN);
    }

    @Test
    public void classesWhenReadThenThePluginsAndTheDevHostsAreThere() {
        // The rules below would pass on nothing: make sure they look at the real classes.
        assertTrue(names(plugin).containsAll(Arrays.asList("dev.jirapat.token.TokenService", Architecture.ENTITY)));
        for (String adapter : Architecture.ADAPTERS) {
            assertTrue(adapter + " has classes", plugin.stream().anyMatch(c -> Architecture.in(c.name, adapter)));
        }
        assertTrue("no dev host class among the plugin's", plugin.stream().noneMatch(c -> Architecture.in(c.name, Architecture.DEV_HOST)));
        assertTrue("no host-api class among the plugin's", plugin.stream().allMatch(c -> Architecture.in(c.name, Architecture.PLUGIN)));
        assertTrue(names(devHost).containsAll(Arrays.asList("dev.jirapat.devhost.DevHost", "dev.jirapat.devhost.DevUsers")));
    }

    @Test
    public void domainWhenCompiledThenReferencesOnlyTheJdk() {
        holds(Rule.DOMAIN_USES_ONLY_THE_JDK, plugin);
    }

    @Test
    public void aoEntityWhenCompiledThenReferencedOnlyInTheStore() {
        holds(Rule.ENTITY_STAYS_IN_THE_STORE, plugin);
    }

    @Test
    public void jiraApiWhenCompiledThenReferencedOnlyInTheJiraAdapter() {
        holds(Rule.JIRA_API_ONLY_IN_THE_JIRA_ADAPTER, plugin);
    }

    @Test
    public void pluginWhenCompiledThenReferencesNoJsonLibraryOfTheHost() {
        holds(Rule.NO_HOST_JSON_LIBRARY, plugin);
    }

    @Test
    public void adaptersWhenCompiledThenReferenceNoOtherAdapter() {
        holds(Rule.ADAPTERS_ARE_INDEPENDENT, plugin);
    }

    @Test
    public void devHostWhenCompiledThenReferencesNoPluginPackage() {
        holds(Rule.DEV_HOST_KNOWS_NO_PLUGIN_PACKAGE, devHost);
    }

    @Test
    public void devHostWhenLaidOutThenItsSourceRootsHoldItsPackageAndOnlyThey() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String root : new String[] {"src/devhost/java", "src/devhost/test/java"}) {
            for (Path file : javaFiles(Paths.get(root))) {
                String pkg = packageOf(file);
                if (!inDevHost(pkg)) {
                    wrong.add(file + " is in package " + pkg);
                }
            }
        }
        for (String root : new String[] {"src/main/java", "src/test/java"}) {
            for (Path file : javaFiles(Paths.get(root))) {
                String pkg = packageOf(file);
                if (inDevHost(pkg)) {
                    wrong.add(file + " is in the dev host's package " + pkg + ": it belongs in src/devhost");
                }
            }
        }
        assertTrue("The dev host is src/devhost/java (and its self-tests src/devhost/test/java), package "
                + Architecture.DEV_HOST + ":\n  " + String.join("\n  ", wrong), wrong.isEmpty());
    }

    @Test
    public void testWhenNotNamedItThenStartsNoServerOrBrowser() {
        List<Violation> found = Architecture.checkTiers(tests);
        assertTrue(Architecture.report(Architecture.TIER_RULE, found), found.isEmpty());
    }

    /** Fails on a class not known to break the rule; skips, naming them, while only known classes break it. */
    private static void holds(Rule rule, List<ClassFile> classes) {
        List<Violation> found = Architecture.check(rule, classes);
        Set<String> known = KNOWN_VIOLATORS.getOrDefault(rule, Collections.emptySet());
        Verdict verdict = Architecture.judge(found, known);
        String report = Architecture.report(rule.description, found);
        if (verdict == Verdict.NEW) {
            Set<String> unknown = new TreeSet<>(Architecture.violatingClasses(found));
            unknown.removeAll(known);
            fail(report + "\nNot known to break it: " + unknown);
        }
        Set<String> fixed = new TreeSet<>(known);
        fixed.removeAll(Architecture.violatingClasses(found));
        if (!fixed.isEmpty()) {
            System.out.println("[architecture] " + rule.description + ": no longer broken by " + fixed
                    + "; remove them from ArchitectureTest.KNOWN_VIOLATORS");
        }
        assumeTrue("KNOWN VIOLATIONS, rule skipped until they are fixed. " + report, verdict == Verdict.CLEAN);
    }

    private static java.util.Map<Rule, Set<String>> known() {
        java.util.Map<Rule, Set<String>> known = new java.util.EnumMap<>(Rule.class);
        // None today: every rule holds. While a restructuring is under way, list here the classes that still
        // break a rule, e.g. known.put(Rule.ADAPTERS_ARE_INDEPENDENT, Set.of("dev.jirapat.rest.Callers"));
        return Collections.unmodifiableMap(known);
    }

    private static Set<String> names(List<ClassFile> classes) {
        return classes.stream().map(c -> c.name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Path classesDirectoryOf(Class<?> type) throws URISyntaxException {
        Path location = Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(type + " comes from a directory of classes, not a jar: " + location, Files.isDirectory(location));
        return location;
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        assertTrue(root + " exists (the test runs in the project directory)", Files.isDirectory(root));
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private static String packageOf(Path javaFile) throws IOException {
        Matcher m = PACKAGE.matcher(new String(Files.readAllBytes(javaFile), StandardCharsets.UTF_8));
        assertTrue(javaFile + " declares a package", m.find());
        assertTrue(javaFile + " lies in the directory of its package " + m.group(1),
                javaFile.getParent().endsWith(Paths.get(m.group(1).replace('.', '/'))));
        return m.group(1);
    }

    private static boolean inDevHost(String packageName) {
        return packageName.equals(Architecture.DEV_HOST) || Architecture.in(packageName, Architecture.DEV_HOST);
    }
}
