package dev.jirapat.packaging;

import dev.jirapat.packaging.Architecture.ClassFile;
import dev.jirapat.packaging.Architecture.Rule;
import dev.jirapat.packaging.Architecture.Verdict;
import dev.jirapat.packaging.Architecture.Violation;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The architecture rules can fail: each one is fed a planted violation (a class file generated with ASM, in the
 * package the rule watches, naming the type it forbids from a method body) through the same reading as
 * {@link ArchitectureTest}, and must report that class and that type; a compliant class beside it passes.
 */
public class ArchitectureRulesTest {
    @org.junit.Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void domainRuleWhenTokenClassUsesServletApiThenReported() throws IOException {
        assertCaught(Rule.DOMAIN_USES_ONLY_THE_JDK, "dev/jirapat/token/Planted", "javax/servlet/Filter",
                "dev/jirapat/token/Clean", "java/util/List");
        assertCaught(Rule.DOMAIN_USES_ONLY_THE_JDK, "dev/jirapat/token/sub/Planted", "dev/jirapat/store/AoTokenStore",
                "dev/jirapat/token/sub/Clean", "dev/jirapat/token/TokenService");
    }

    @Test
    public void entityRuleWhenRestClassUsesTheEntityThenReported() throws IOException {
        assertCaught(Rule.ENTITY_STAYS_IN_THE_STORE, "dev/jirapat/rest/Planted", "dev/jirapat/store/TokenEntity",
                "dev/jirapat/store/upgrade/Clean", "dev/jirapat/store/TokenEntity");
        assertCaught(Rule.ENTITY_STAYS_IN_THE_STORE, "dev/jirapat/token/Planted", "dev/jirapat/store/TokenEntity$Inner",
                "dev/jirapat/store/Clean", "dev/jirapat/store/TokenEntity");
    }

    @Test
    public void jiraApiRuleWhenAuthClassUsesJiraApiThenReported() throws IOException {
        assertCaught(Rule.JIRA_API_ONLY_IN_THE_JIRA_ADAPTER, "dev/jirapat/auth/Planted", "com/atlassian/jira/user/ApplicationUser",
                "dev/jirapat/jira/Clean", "com/atlassian/jira/user/ApplicationUser");
    }

    @Test
    public void jsonLibraryRuleWhenPluginClassUsesJacksonThenReportedButNotInTheDevHost() throws IOException {
        assertCaught(Rule.NO_HOST_JSON_LIBRARY, "dev/jirapat/rest/Planted", "com/fasterxml/jackson/databind/ObjectMapper",
                "dev/jirapat/devhost/Clean", "org/codehaus/jackson/map/ObjectMapper");
        assertCaught(Rule.NO_HOST_JSON_LIBRARY, "dev/jirapat/web/Planted", "org/codehaus/jackson/annotate/JsonProperty",
                "dev/jirapat/rest/Clean", "dev/jirapat/rest/JsonWriter");
    }

    @Test
    public void devHostRuleWhenDevHostUsesAPluginPackageThenReported() throws IOException {
        assertCaught(Rule.DEV_HOST_KNOWS_NO_PLUGIN_PACKAGE, "dev/jirapat/devhost/Planted", "dev/jirapat/token/TokenService",
                "dev/jirapat/devhost/Clean", "com/atlassian/jira/user/ApplicationUser");
        assertCaught(Rule.DEV_HOST_KNOWS_NO_PLUGIN_PACKAGE, "dev/jirapat/devhost/fixture/Planted", "dev/jirapat/testing/FakeUsers",
                "dev/jirapat/devhost/fixture/Clean", "dev/jirapat/devhost/DevHost");
    }

    @Test
    public void adapterRuleWhenOneAdapterUsesAnotherThenReported() throws IOException {
        String[] adapters = {"auth", "rest", "web", "jira", "store"};
        for (String from : adapters) {
            for (String to : adapters) {
                if (!from.equals(to)) {
                    assertCaught(Rule.ADAPTERS_ARE_INDEPENDENT, "dev/jirapat/" + from + "/Planted", "dev/jirapat/" + to + "/Thing",
                            "dev/jirapat/" + from + "/Clean", "dev/jirapat/token/TokenService");
                }
            }
        }
    }

    @Test
    public void tierRuleWhenATestStartsAHostThroughAHelperThenReported() throws IOException {
        Path dir = temp.newFolder().toPath();
        write(dir, "dev/jirapat/x/PlantedTest", "dev/jirapat/x/Helper");
        write(dir, "dev/jirapat/x/Helper", "dev/jirapat/devhost/DevHost");
        write(dir, "dev/jirapat/x/BrowserProperties", "org/openqa/selenium/WebDriver");
        write(dir, "dev/jirapat/x/PlantedIT", "dev/jirapat/x/Helper");
        write(dir, "dev/jirapat/x/CleanTest", "dev/jirapat/devhost/DevUsers");
        List<Violation> found = Architecture.checkTiers(Architecture.read(dir, Architecture.PLUGIN));
        assertEquals(found.toString(), 2, found.size());
        assertEquals("dev.jirapat.x.BrowserProperties", found.get(0).from);
        assertEquals("org.openqa.selenium.WebDriver", found.get(0).to);
        assertEquals("dev.jirapat.x.PlantedTest", found.get(1).from);
        assertEquals("dev.jirapat.devhost.DevHost (through dev.jirapat.x.Helper)", found.get(1).to);
        assertTrue(Architecture.report(Architecture.TIER_RULE, found).contains("dev.jirapat.x.PlantedTest -> dev.jirapat.devhost.DevHost"));
    }

    @Test
    public void judgeWhenOnlyKnownClassesBreakARuleThenKnownAndWhenAnotherDoesThenNew() {
        Violation known = new Violation("r", "dev.jirapat.rest.Callers$1", "com.atlassian.jira.user.ApplicationUser");
        Violation other = new Violation("r", "dev.jirapat.web.New", "com.atlassian.jira.user.ApplicationUser");
        Set<String> knownClasses = Collections.singleton("dev.jirapat.rest.Callers");
        assertEquals(Verdict.CLEAN, Architecture.judge(Collections.emptyList(), knownClasses));
        assertEquals(Verdict.KNOWN, Architecture.judge(Collections.singletonList(known), knownClasses));
        assertEquals(Verdict.NEW, Architecture.judge(Arrays.asList(known, other), knownClasses));
        assertEquals(Verdict.NEW, Architecture.judge(Collections.singletonList(known), Collections.emptySet()));
    }

    @Test
    public void reportWhenManyViolationsThenListsEveryClassWithWhatItReferences() {
        List<Violation> found = Arrays.asList(
                new Violation("r", "dev.jirapat.rest.B", "com.atlassian.jira.Y"),
                new Violation("r", "dev.jirapat.auth.A", "com.atlassian.jira.X"),
                new Violation("r", "dev.jirapat.rest.B", "com.atlassian.jira.X"));
        assertEquals("Rule: r. 2 classes break it:\n"
                + "  dev.jirapat.auth.A -> com.atlassian.jira.X\n"
                + "  dev.jirapat.rest.B -> com.atlassian.jira.X, com.atlassian.jira.Y", Architecture.report("r", found));
    }

    /**
     * Plants a class that references a forbidden type and a class that references an allowed one in a directory
     * laid out like target/classes, reads it as ArchitectureTest reads the real classes, and checks the rule
     * reports exactly the planted reference.
     */
    private void assertCaught(Rule rule, String planted, String forbidden, String clean, String allowed) throws IOException {
        Path dir = temp.newFolder().toPath();
        write(dir, planted, forbidden);
        write(dir, clean, allowed);
        List<ClassFile> classes = Architecture.read(dir, Architecture.PLUGIN);
        assertEquals("both planted classes are read", 2, classes.size());
        List<Violation> found = Architecture.check(rule, classes);
        String from = planted.replace('/', '.');
        String to = forbidden.replace('/', '.');
        List<String> got = new ArrayList<>();
        found.forEach(v -> got.add(v.toString()));
        assertEquals(rule + " reports the planted reference only", Collections.singletonList(from + " -> " + to), got);
        assertEquals(new TreeSet<>(Collections.singleton(Architecture.topLevel(from))), Architecture.violatingClasses(found));
        assertTrue(Architecture.report(rule.description, found).contains(from + " -> " + to));
    }

    /** A class file {@code name} whose one method creates nothing but names {@code referenced} in a checkcast. */
    private static void write(Path dir, String name, String referenced) throws IOException {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "planted", "(Ljava/lang/Object;)Ljava/lang/Object;", null, null);
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 0);
        m.visitTypeInsn(Opcodes.CHECKCAST, referenced);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        Path file = dir.resolve(name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, cw.toByteArray());
    }
}
