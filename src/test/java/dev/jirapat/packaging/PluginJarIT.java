package dev.jirapat.packaging;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.osgi.framework.Version;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * The installable jar as Jira's plugin system sees it: a transformerless OSGi bundle (Atlassian-Plugin-Key and
 * Spring-Context headers, no Atlassian classes inside, every used package imported; see docs/host-api.md, "Spring
 * and OSGi wiring" and "Rules the declarations follow"). Runs after {@code package} on each line's jar
 * (docs/platforms.md).
 */
@RunWith(Parameterized.class)
public class PluginJarIT {

    private static final String PLUGIN_KEY = "dev.jirapat.jira-pat";
    private static final String DESCRIPTOR = "atlassian-plugin.xml";
    private static final String SPRING_CONTEXT = "META-INF/spring/plugin-context.xml";
    /** The one build the three jars come from compiles for Java 8 (class file 52), Jira 8.20's oldest runtime. */
    private static final int BUILT_CLASS_VERSION = 52;

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> lines() {
        return JiraLine.parameters();
    }

    private final JiraLine line;
    private final PluginJar jar;

    public PluginJarIT(JiraLine line) throws Exception {
        this.line = line;
        this.jar = PluginJar.of(line);
    }

    // ---- contents

    @Test
    public void jarWhenBuiltThenHasNoAtlassianClasses() {
        List<String> atlassian = entriesStartingWith("com/atlassian/");
        assertTrue("the host API declarations must never ship (Jira supplies the real classes), but the jar has "
                + atlassian, atlassian.isEmpty());
    }

    /** The dev host's endpoints (/devhost/mail, /devhost/audit, ...) and its GreenMail exist only outside Jira. */
    @Test
    public void jarWhenBuiltThenHasNoDevHostCodeOrEndpoint() throws Exception {
        List<String> devhost = entriesStartingWith("dev/jirapat/devhost/");
        devhost.addAll(entriesStartingWith("com/icegreen/"));
        assertTrue("dev host classes in the plugin: " + devhost, devhost.isEmpty());
        for (String text : new String[] {"atlassian-plugin.xml", "META-INF/spring/plugin-context.xml"}) {
            assertFalse(text + " mounts a dev host endpoint", jar.text(text).contains("/devhost"));
        }
    }

    /**
     * One source, three jars: each holds exactly the entries of the jira9 jar (the jira11 one renamed inside, not
     * added to). A class left behind in target/jira11/classes by an earlier build, say, would ship only on 11.
     */
    @Test
    public void entriesWhenBuiltThenSameAsTheOtherLines() throws Exception {
        Set<String> expected = new TreeSet<>(PluginJar.of(JiraLine.JIRA9).entryNames());
        Set<String> actual = new TreeSet<>(jar.entryNames());
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        assertTrue(line + " jar's entries differ from the jira9 jar's: only in " + line + " " + extra
                + ", only in jira9 " + missing, extra.isEmpty() && missing.isEmpty());
    }

    @Test
    public void jarWhenBuiltThenEmbedsNoJars() {
        List<String> jars = jar.entryNames().stream().filter(n -> n.endsWith(".jar")).collect(Collectors.toList());
        assertTrue("embedded jars found: " + jars, jars.isEmpty());
    }

    @Test
    public void jarWhenBuiltThenCarriesNoHostLibraries() {
        List<String> host = new ArrayList<>();
        for (String prefix : new String[] {"net/java/ao/", "org/slf4j/", "org/springframework/",
                "org/eclipse/gemini/", "javax/", "jakarta/"}) {
            host.addAll(entriesStartingWith(prefix));
        }
        assertTrue("classes the host supplies are packed into the jar: " + host, host.isEmpty());
    }

    /**
     * Every class runs on the oldest Java of the jar's Jira line (8 for 8.20, 17 for 10, 21 for 11); all three jars
     * hold the same Java 8 bytecode, so one jar may go on any Java its Jira runs.
     */
    @Test
    public void classesWhenBuiltThenRunOnTheLinesOldestJava() {
        Map<Integer, Integer> versions = new TreeMap<>();
        Map<String, Integer> tooNew = new TreeMap<>();
        jar.classFiles().forEach((name, bytes) -> {
            int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
            versions.merge(major, 1, Integer::sum);
            if (major > line.maxClassVersion()) {
                tooNew.put(name, major);
            }
        });
        assertFalse("the jar has no classes", jar.classFiles().isEmpty());
        assertTrue(line + "'s Jira runs on Java " + line.java() + " (class version " + line.maxClassVersion()
                + "), but these classes are newer: " + tooNew, tooNew.isEmpty());
        assertEquals("class file versions (major -> classes): one Java 8 build for every line",
                Set.of(BUILT_CLASS_VERSION), versions.keySet());
        System.out.println("[" + line + "] class file versions (major -> classes): " + versions);
    }

    /**
     * bnd derives one requirement from the classes, the execution environment; a host whose Java is older refuses
     * the bundle, so it must not ask for more than the line's oldest Java, and nothing else may be required (no
     * extender, service or bundle requirement Jira would have to satisfy).
     */
    @Test
    public void manifestWhenBuiltThenRequiresNoMoreThanTheLinesJava() {
        String header = jar.header("Require-Capability");
        assertNotNull("Require-Capability is missing: bnd writes osgi.ee from the class versions", header);
        OsgiHeader capabilities = OsgiHeader.parse(header);
        assertEquals("one requirement, the execution environment: " + header, List.of("osgi.ee"),
                capabilities.paths());
        Matcher version = Pattern.compile("\\(osgi\\.ee=JavaSE\\)\\(version=([0-9.]+)\\)")
                .matcher(capabilities.clauses().get(0).directives().getOrDefault("filter", ""));
        assertTrue("the osgi.ee filter names a JavaSE version: " + header, version.find());
        Version required = Version.parseVersion(version.group(1));
        Version lineJava = line.java() == 8 ? new Version(1, 8, 0) : new Version(line.java(), 0, 0);
        assertTrue("Require-Capability asks for JavaSE " + required + ", but " + line + "'s Jira runs on Java "
                + line.java() + ": " + header, required.compareTo(lineJava) <= 0);
        assertFalse("a second execution environment: " + header, version.find());
        assertNull("Require-Bundle ties the plugin to a Jira bundle's name", jar.header("Require-Bundle"));
    }

    // ---- manifest

    @Test
    public void manifestWhenBuiltThenNamesThePluginKeySoJiraLoadsItWithoutTransformation() {
        assertEquals("Atlassian-Plugin-Key", PLUGIN_KEY, jar.header("Atlassian-Plugin-Key"));
        assertEquals("Bundle-SymbolicName", PLUGIN_KEY, jar.header("Bundle-SymbolicName"));
        assertEquals("Bundle-ManifestVersion", "2", jar.header("Bundle-ManifestVersion"));
        assertEquals("Spring-Context (Gemini reads META-INF/spring/*.xml)", "*", jar.header("Spring-Context"));
    }

    @Test
    public void manifestWhenBuiltThenBundleVersionIsTheOsgiFormOfTheProjectVersion() {
        String bundleVersion = jar.header("Bundle-Version");
        assertNotNull("Bundle-Version is missing: without it Jira transforms the jar", bundleVersion);
        String expected = PluginJar.osgiVersion(PluginJar.projectVersion());
        assertEquals("Bundle-Version for project version " + PluginJar.projectVersion(), expected, bundleVersion);
        assertEquals("Bundle-Version is not a valid OSGi version", expected,
                Version.parseVersion(bundleVersion).toString());
    }

    @Test
    public void manifestWhenBuiltThenExportsNothing() {
        String exports = jar.header("Export-Package");
        assertTrue("the plugin exports no packages, but Export-Package is " + exports,
                exports == null || exports.isBlank());
    }

    @Test
    public void importsWhenDeclaredThenHaveNoBlanketWildcard() throws Exception {
        String imports = jar.header("Import-Package");
        assertNotNull("Import-Package is missing", imports);
        assertFalse("Import-Package has a blanket '*' entry, which hides missing host packages until runtime: "
                + imports, jar.importPackage().paths().contains("*"));

        // bnd expands a '*' instruction into one (optional) entry per referenced package, so the manifest alone
        // cannot show it: a package the code starts using would be imported silently. Check the instruction too.
        List<String> instructions = importInstructions();
        assertTrue("maven-bundle-plugin has no Import-Package instruction in pom.xml", instructions.size() > 1);
        for (String instruction : instructions) {
            assertFalse("an Import-Package instruction or list in pom.xml has a blanket '*' entry: list every "
                    + "package instead, so a missing one fails this build: " + instruction.trim(),
                    OsgiHeader.parse(instruction).paths().contains("*"));
        }
    }

    // ---- imports against what the code uses

    @Test
    public void classesWhenBuiltThenEveryReferencedPackageIsImportedOrInside() {
        Map<String, Set<String>> missing = new TreeMap<>();
        jar.referencedPackages().forEach((pkg, users) -> {
            if (!jar.canSee(pkg)) {
                missing.put(pkg, users);
            }
        });
        assertTrue("packages the classes use but the bundle cannot see: " + missing.keySet() + " (add them to "
                + "Import-Package in pom.xml; in OSGi only java.* is implicit)" + describe(missing)
                + "\nImport-Package: " + jar.header("Import-Package"), missing.isEmpty());
    }

    @Test
    public void hostApiWhenDeclaredThenEveryPackageIsImported() throws Exception {
        Set<String> missing = new TreeSet<>();
        for (String pkg : PluginJar.hostApiPackages()) {
            if (!jar.importPackage().imports(pkg)) {
                missing.add(pkg);
            }
        }
        assertTrue("packages declared in src/host-api/java but not in Import-Package: " + missing
                + "\nImport-Package: " + jar.header("Import-Package"), missing.isEmpty());
    }

    // ---- plugin descriptor

    @Test
    public void descriptorWhenPackedThenSitsAtJarRootWithKeyAndVersionFiltered() throws Exception {
        String text = jar.text(DESCRIPTOR);
        assertFalse("Maven filtering left placeholders in " + DESCRIPTOR + ":\n" + text, text.contains("${"));
        Element root = parse(text).getDocumentElement();
        assertEquals("atlassian-plugin", root.getTagName());
        assertEquals("plugin key", PLUGIN_KEY, root.getAttribute("key"));
        assertEquals("plugin-info/version", PluginJar.projectVersion(),
                child(child(root, "plugin-info"), "version").getTextContent().trim());
    }

    @Test
    public void descriptorWhenPackedThenDeclaresDataCenterCompatibility() throws Exception {
        Element info = child(parse(jar.text(DESCRIPTOR)).getDocumentElement(), "plugin-info");
        Map<String, String> params = new TreeMap<>();
        NodeList list = info.getElementsByTagName("param");
        for (int i = 0; i < list.getLength(); i++) {
            Element param = (Element) list.item(i);
            params.put(param.getAttribute("name"), param.getTextContent().trim());
        }
        assertEquals("atlassian-data-center-status", "compatible", params.get("atlassian-data-center-status"));
        assertEquals("atlassian-data-center-compatible", "true", params.get("atlassian-data-center-compatible"));
    }

    @Test
    public void descriptorWhenPackedThenEveryActiveObjectsEntityIsInTheJar() throws Exception {
        NodeList aos = parse(jar.text(DESCRIPTOR)).getDocumentElement().getElementsByTagName("ao");
        assertEquals("<ao> modules", 1, aos.getLength());
        Element ao = (Element) aos.item(0);
        assertEquals("<ao> namespace (table names derive from it and must never change)", "dev.jirapat",
                ao.getAttribute("namespace"));
        NodeList entities = ao.getElementsByTagName("entity");
        assertTrue("<ao> declares no entity", entities.getLength() > 0);
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < entities.getLength(); i++) {
            String entity = entities.item(i).getTextContent().trim();
            if (!jar.hasClass(entity)) {
                absent.add(entity);
            }
        }
        assertTrue("<entity> classes not in the jar: " + absent, absent.isEmpty());
    }

    @Test
    public void descriptorWhenPackedThenEveryI18nBundleIsInTheJar() throws Exception {
        NodeList resources = parse(jar.text(DESCRIPTOR)).getDocumentElement().getElementsByTagName("resource");
        List<String> absent = new ArrayList<>();
        for (int i = 0; i < resources.getLength(); i++) {
            Element resource = (Element) resources.item(i);
            if ("i18n".equals(resource.getAttribute("type"))) {
                String file = resource.getAttribute("location").replace('.', '/') + ".properties";
                if (!jar.has(file)) {
                    absent.add(file);
                }
            }
        }
        assertTrue("i18n bundles named in " + DESCRIPTOR + " but not in the jar: " + absent, absent.isEmpty());
    }

    /**
     * Jira 10 and 11 block every Velocity call on a plugin method that no {@code <velocity-allowlist>} lists; the
     * module must be in those jars' descriptor (which methods it lists is proved by rendering, in the dev host).
     * Jira 8.20-9.x skip the unknown module type.
     */
    @Test
    public void descriptorWhenSecuredByDefaultThenHasAVelocityAllowlist() throws Exception {
        NodeList lists = parse(jar.text(DESCRIPTOR)).getDocumentElement().getElementsByTagName("velocity-allowlist");
        if (!line.securedByDefault()) {
            return;
        }
        assertEquals(line + ": <velocity-allowlist> modules in " + DESCRIPTOR, 1, lists.getLength());
        Element allowlist = (Element) lists.item(0);
        assertFalse("<velocity-allowlist> needs a key", allowlist.getAttribute("key").isBlank());
        NodeList methods = allowlist.getElementsByTagName("method");
        assertTrue("<velocity-allowlist> lists no method", methods.getLength() > 0);
        for (int i = 0; i < methods.getLength(); i++) {
            String method = methods.item(i).getTextContent().trim();
            Matcher m = Pattern.compile("([\\w.$]+)#\\w+\\(([\\w.$\\[\\], ]*)\\)").matcher(method);
            assertTrue("<method> is Class#name(fully.qualified.Param,...): " + method, m.matches());
            assertTrue("<method> names a class not in the jar (plugins allowlist only their own classes): "
                    + method, jar.hasClass(m.group(1)));
        }
    }

    // ---- Spring wiring

    @Test
    public void springContextWhenPackedThenEveryClassItNamesIsLoadableByTheBundle() throws Exception {
        Document context = parse(jar.text(SPRING_CONTEXT));
        Set<String> named = new TreeSet<>();
        NodeList all = context.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String attribute : new String[] {"class", "interface"}) {
                if (!e.getAttribute(attribute).isEmpty()) {
                    named.add(e.getAttribute(attribute).trim());
                }
            }
            if ("interfaces".equals(e.getLocalName())) {
                NodeList values = e.getElementsByTagNameNS("*", "value");
                for (int v = 0; v < values.getLength(); v++) {
                    named.add(values.item(v).getTextContent().trim());
                }
            }
        }
        assertTrue(SPRING_CONTEXT + " names no class", named.stream().anyMatch(c -> c.startsWith("dev.jirapat.")));

        List<String> problems = new ArrayList<>();
        for (String className : named) {
            if (className.startsWith("dev.jirapat.")) {
                if (!jar.hasClass(className)) {
                    problems.add(className + " is not in the jar");
                }
            } else if (!jar.canSee(ClassReferences.packageOf(className))) {
                problems.add(className + " is in a package the bundle does not import");
            }
        }
        assertTrue(SPRING_CONTEXT + ": " + problems, problems.isEmpty());
    }

    // ---- helpers

    private List<String> entriesStartingWith(String prefix) {
        return jar.entryNames().stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toList());
    }

    /**
     * Every Import-Package instruction of maven-bundle-plugin (its own and each line's execution) and every
     * {@code pat.bundle.importPackage*} list they are made of, as written in pom.xml.
     */
    private static List<String> importInstructions() throws Exception {
        Document pom = parse(Files.readString(PluginJar.projectDir().resolve("pom.xml"), StandardCharsets.UTF_8));
        List<String> instructions = new ArrayList<>();
        NodeList plugins = pom.getElementsByTagNameNS("*", "plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            NodeList ids = plugin.getElementsByTagNameNS("*", "artifactId");
            if (ids.getLength() > 0 && "maven-bundle-plugin".equals(ids.item(0).getTextContent().trim())) {
                NodeList found = plugin.getElementsByTagNameNS("*", "Import-Package");
                for (int j = 0; j < found.getLength(); j++) {
                    instructions.add(found.item(j).getTextContent());
                }
            }
        }
        NodeList all = pom.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            if (all.item(i).getLocalName().startsWith("pat.bundle.importPackage")) {
                instructions.add(all.item(i).getTextContent());
            }
        }
        return instructions;
    }

    private static String describe(Map<String, Set<String>> missing) {
        StringBuilder out = new StringBuilder();
        missing.forEach((pkg, users) -> out.append("\n  ").append(pkg).append("  (used by ")
                .append(String.join(", ", users)).append(')'));
        return out.toString();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element child(Element parent, String name) {
        NodeList children = parent.getElementsByTagName(name);
        assertTrue("<" + parent.getTagName() + "> has no <" + name + ">", children.getLength() > 0);
        return (Element) children.item(0);
    }
}
