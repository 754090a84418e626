package dev.jirapat.packaging;

import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The {@code amps-jira9}, {@code amps-jira10} and {@code amps-jira11} profiles (atlas-run / atlas-debug on Jira 9.12,
 * 10.3 and 11.3, for developers with the Atlassian SDK) cannot be run here, so this checks what can be checked: they
 * stay off by default, build the same bundle as maven-bundle-plugin with their line's Import-Package list (the pom
 * property that line's jar is built with), keep the shipped jars' Java 8 classes, and the Jira 11 one packs the
 * transformer's jakarta classes.
 */
public class AmpsProfileTest {
    private static final List<String> SHARED = Arrays.asList("Bundle-SymbolicName", "Atlassian-Plugin-Key",
            "Spring-Context", "Private-Package", "Export-Package");
    private static final String IMPORT_PACKAGE = "pat.bundle.importPackage";
    /** Each line's profile, the Jira release it runs (an LTS of the line) and the JDK that Jira needs. */
    private static final String[][] LINES = {
            {"jira9", "9.12.", "[17,)"}, {"jira10", "10.3.", "[17,)"}, {"jira11", "11.3.", "[21,)"}};
    private static Element project;

    @BeforeClass
    public static void readPom() throws Exception {
        Path pom = Paths.get("pom.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    @Test
    public void ampsProfilesWhenDefaultBuildThenNotActive() {
        assertEquals("bundle", text(child(child(project, "properties"), "pat.packaging")));
        for (String[] line : LINES) {
            Element amps = profile("amps-" + line[0]);
            assertTrue("the amps-" + line[0] + " profile must never activate itself",
                    children(amps, "activation").isEmpty());
            assertEquals("atlassian-plugin", text(child(child(amps, "properties"), "pat.packaging")));
        }
    }

    @Test
    public void ampsProfileWhenComparedToBundlePluginThenSameBundleInstructions() {
        Element expected = child(child(plugin(child(project, "build"), "maven-bundle-plugin"), "configuration"),
                "instructions");
        for (String[] line : LINES) {
            Element profile = profile("amps-" + line[0]);
            Element amps = plugin(child(profile, "build"), "jira-maven-plugin");
            assertEquals("<extensions>true</extensions>", "true", text(child(amps, "extensions")));
            Element actual = child(child(amps, "configuration"), "instructions");
            for (String header : SHARED) {
                assertEquals(header + " differs between maven-bundle-plugin and amps-" + line[0] + " in pom.xml: "
                        + "change them together", normalise(text(child(expected, header))),
                        normalise(text(child(actual, header))));
            }
            Element properties = child(profile, "properties");
            assertTrue("amps-" + line[0] + " runs a Jira " + line[1] + "x", text(child(properties, "jira.version"))
                    .startsWith(line[1]));
            assertEquals("amps-" + line[0] + " needs the JDK its Jira runs on", line[2],
                    text(child(properties, "pat.required.java")));
            assertEquals("amps-" + line[0] + " compiles what the shipped jars hold",
                    text(child(child(project, "properties"), "maven.compiler.release")),
                    text(child(properties, "maven.compiler.release")));
        }
    }

    /** Each profile's Import-Package is its line's property, the same the line's bundle execution uses. */
    @Test
    public void importPackageWhenEitherBuildThenTheLinesOneList() {
        Element bundle = plugin(child(project, "build"), "maven-bundle-plugin");
        for (String[] line : LINES) {
            String reference = "${" + IMPORT_PACKAGE + "." + line[0] + "}";
            Element execution = null;
            for (Element e : children(child(bundle, "executions"), "execution")) {
                if (line[0].equals(text(child(e, "id")))) {
                    execution = e;
                }
            }
            assertNotNull("maven-bundle-plugin has no execution " + line[0], execution);
            assertEquals("the " + line[0] + " jar's Import-Package", reference,
                    text(child(child(child(execution, "configuration"), "instructions"), "Import-Package")));
            assertEquals("amps-" + line[0] + "'s Import-Package", reference, text(child(child(child(
                    plugin(child(profile("amps-" + line[0]), "build"), "jira-maven-plugin"), "configuration"),
                    "instructions"), "Import-Package")));
            List<String> packages = Arrays.asList(normalise(text(child(child(project, "properties"),
                    IMPORT_PACKAGE + "." + line[0]))).split(","));
            assertTrue("the list names the host's packages: " + packages,
                    packages.contains("${" + IMPORT_PACKAGE + ".common}"));
        }
    }

    /**
     * AMPS packs target/classes: amps-jira11 must put the transformer's jakarta classes there before it packs, and
     * the transformer's jars must be there before it runs.
     */
    @Test
    public void ampsJira11WhenPackagingThenPacksTheTransformedClasses() {
        Element build = child(profile("amps-jira11"), "build");
        assertEquals("the transformer runs before packaging", "process-classes",
                text(child(execution(plugin(build, "exec-maven-plugin"), "jakarta-classes"), "phase")));
        assertEquals("the transformer's jars are copied before it runs", "compile",
                text(child(execution(plugin(build, "maven-dependency-plugin"), "transformer"), "phase")));
        Element copy = execution(plugin(build, "maven-resources-plugin"), "amps-jira11-jakarta-classes");
        assertEquals("prepare-package", text(child(copy, "phase")));
        Element configuration = child(copy, "configuration");
        assertEquals("${project.build.outputDirectory}", text(child(configuration, "outputDirectory")));
        assertEquals("true", text(child(configuration, "overwrite")));
        assertEquals("${project.build.directory}/jira11/classes",
                text(child(child(child(configuration, "resources"), "resource"), "directory")));
        // The main build's transformer run reads target/classes and writes target/jira11/classes.
        String args = text(child(child(execution(plugin(child(project, "build"), "exec-maven-plugin"),
                "jakarta-classes"), "configuration"), "commandlineArgs"));
        assertTrue(args, args.contains("${project.build.outputDirectory} ${project.build.directory}/jira11/classes"));
    }

    private static Element execution(Element plugin, String id) {
        for (Element e : children(child(plugin, "executions"), "execution")) {
            if (id.equals(text(child(e, "id")))) {
                return e;
            }
        }
        throw new AssertionError("no execution " + id);
    }

    private static String normalise(String instruction) {
        return instruction.replaceAll("\\s+", "");
    }

    private static Element profile(String id) {
        for (Element p : children(child(project, "profiles"), "profile")) {
            if (id.equals(text(child(p, "id")))) {
                return p;
            }
        }
        throw new AssertionError("pom.xml has no profile " + id);
    }

    private static Element plugin(Element build, String artifactId) {
        for (Element p : children(child(build, "plugins"), "plugin")) {
            if (artifactId.equals(text(child(p, "artifactId")))) {
                return p;
            }
        }
        throw new AssertionError("no plugin " + artifactId);
    }

    private static Element child(Element parent, String name) {
        List<Element> all = children(parent, name);
        assertEquals("<" + parent.getTagName() + "> has one <" + name + ">", 1, all.size());
        return all.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        assertNotNull(parent);
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }
}
