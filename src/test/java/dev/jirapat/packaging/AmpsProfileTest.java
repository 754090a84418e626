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
 * The {@code amps} profile (atlas-run / atlas-debug for developers with the Atlassian SDK) cannot be run here, so
 * this checks what can be checked: it stays off by default and builds the same bundle as maven-bundle-plugin, with
 * the same Import-Package list (one pom property).
 */
public class AmpsProfileTest {
    private static final List<String> SHARED = Arrays.asList("Bundle-SymbolicName", "Atlassian-Plugin-Key",
            "Spring-Context", "Private-Package", "Export-Package", "Import-Package");
    private static final String IMPORT_PACKAGE = "pat.bundle.importPackage";
    private static Element project;

    @BeforeClass
    public static void readPom() throws Exception {
        Path pom = Paths.get("pom.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    @Test
    public void ampsProfileWhenDefaultBuildThenNotActive() {
        Element amps = profile("amps");
        assertTrue("the amps profile must never activate itself", children(amps, "activation").isEmpty());
        assertEquals("bundle", text(child(child(project, "properties"), "pat.packaging")));
        assertEquals("atlassian-plugin", text(child(child(amps, "properties"), "pat.packaging")));
    }

    @Test
    public void ampsProfileWhenComparedToBundlePluginThenSameBundleInstructions() {
        Element bundle = child(plugin(child(project, "build"), "maven-bundle-plugin"), "configuration");
        Element amps = child(plugin(child(profile("amps"), "build"), "jira-maven-plugin"), "configuration");
        assertEquals("<extensions>true</extensions>", "true",
                text(child(plugin(child(profile("amps"), "build"), "jira-maven-plugin"), "extensions")));
        Element expected = child(bundle, "instructions");
        Element actual = child(amps, "instructions");
        for (String header : SHARED) {
            assertEquals(header + " differs between maven-bundle-plugin and the amps profile in pom.xml: "
                    + "change both lists together", normalise(text(child(expected, header))), normalise(text(child(actual, header))));
        }
        assertEquals("9.12.0", text(child(child(profile("amps"), "properties"), "jira.version")));
    }

    @Test
    public void importPackageWhenEitherBuildThenTheOneListInThePomProperty() {
        String reference = "${" + IMPORT_PACKAGE + "}";
        assertEquals("maven-bundle-plugin's Import-Package", reference,
                text(child(child(child(plugin(child(project, "build"), "maven-bundle-plugin"), "configuration"), "instructions"), "Import-Package")));
        assertEquals("the amps profile's Import-Package", reference,
                text(child(child(child(plugin(child(profile("amps"), "build"), "jira-maven-plugin"), "configuration"), "instructions"), "Import-Package")));
        List<String> packages = Arrays.asList(normalise(text(child(child(project, "properties"), IMPORT_PACKAGE))).split(","));
        assertTrue("the list names the host's packages: " + packages, packages.contains("com.atlassian.activeobjects.external;version=\"0\""));
        assertTrue("the list names the host's packages: " + packages, packages.contains("org.slf4j;version=\"0\""));
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
