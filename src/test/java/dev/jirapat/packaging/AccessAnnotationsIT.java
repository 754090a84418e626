package dev.jirapat.packaging;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * What Jira 10 and 11 read before they let a request reach the plugin, read from each jar's class files (not from
 * the sources: the jira11 jar's classes are the transformer's output). From Jira 10 a servlet, servlet filter or
 * REST resource without an access annotation is for licensed users only, and REST v2 creates resources and
 * providers through an {@code @Inject} constructor. All three jars carry the same annotations (8.20-9.x ignore
 * them), so each is checked.
 */
@RunWith(Parameterized.class)
public class AccessAnnotationsIT {

    private static final String SERVLET_ANNOTATIONS = "com/atlassian/annotations/security/";
    private static final String FILTER_ANNOTATION = SERVLET_ANNOTATIONS + "UnrestrictedAccess";
    private static final String REST_ANNOTATIONS = "com/atlassian/plugins/rest/api/security/annotation/";

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> lines() {
        return JiraLine.parameters();
    }

    private final JiraLine line;
    private final PluginJar jar;
    private final Element descriptor;

    public AccessAnnotationsIT(JiraLine line) throws Exception {
        this.line = line;
        this.jar = PluginJar.of(line);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        this.descriptor = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(jar.bytes("atlassian-plugin.xml"))).getDocumentElement();
    }

    /** The Bearer filter runs before login, for anonymous requests: the platform must let every request reach it. */
    @Test
    public void servletFilterWhenPackedThenUnrestricted() {
        List<String> filters = moduleClasses("servlet-filter");
        assertFalse("no <servlet-filter> in the descriptor", filters.isEmpty());
        for (String filter : filters) {
            assertTrue(line + ": " + filter + " lacks @" + FILTER_ANNOTATION.replace('/', '.') + " (has "
                    + annotations(classNode(filter).visibleAnnotations) + ")",
                    has(classNode(filter).visibleAnnotations, FILTER_ANNOTATION));
        }
    }

    @Test
    public void servletWhenPackedThenHasAServletAccessAnnotation() {
        List<String> servlets = moduleClasses("servlet");
        assertFalse("no <servlet> in the descriptor", servlets.isEmpty());
        for (String servlet : servlets) {
            List<AnnotationNode> annotations = classNode(servlet).visibleAnnotations;
            assertTrue(line + ": " + servlet + " has no runtime annotation of "
                    + SERVLET_ANNOTATIONS.replace('/', '.') + " (has " + annotations(annotations) + ")",
                    hasAnnotationIn(annotations, SERVLET_ANNOTATIONS));
        }
    }

    @Test
    public void restResourceWhenPackedThenHasARestAccessAnnotation() {
        Map<String, ClassNode> resources = restClasses(line.jaxRsPackage().replace('.', '/') + "/Path");
        assertFalse(line + ": no @" + line.jaxRsPackage() + ".Path class in the <rest> packages " + restPackages(),
                resources.isEmpty());
        List<String> unannotated = new ArrayList<>();
        resources.forEach((name, node) -> {
            if (!hasAnnotationIn(node.visibleAnnotations, REST_ANNOTATIONS)) {
                unannotated.add(name + " " + annotations(node.visibleAnnotations));
            }
        });
        assertEquals(line + ": resource classes without an annotation of " + REST_ANNOTATIONS.replace('/', '.'),
                List.of(), unannotated);
    }

    @Test
    public void restResourceAndProviderWhenConstructorTakesParametersThenInject() {
        String inject = line.injectPackage().replace('.', '/') + "/Inject";
        Map<String, ClassNode> created = restClasses(line.jaxRsPackage().replace('.', '/') + "/Path");
        Map<String, ClassNode> providers = restClasses(line.jaxRsPackage().replace('.', '/') + "/ext/Provider");
        assertFalse(line + ": no @Provider class in the <rest> packages", providers.isEmpty());
        created.putAll(providers);
        List<String> withoutInject = new ArrayList<>();
        int checked = 0;
        for (ClassNode node : created.values()) {
            for (MethodNode method : node.methods) {
                if (method.name.equals("<init>") && (method.access & Opcodes.ACC_PUBLIC) != 0
                        && !method.desc.startsWith("()")) {
                    checked++;
                    if (!has(method.visibleAnnotations, inject)) {
                        withoutInject.add(node.name + method.desc + " " + annotations(method.visibleAnnotations));
                    }
                }
            }
        }
        assertTrue(line + ": no constructor with parameters among " + created.keySet(), checked > 0);
        assertEquals(line + ": public constructors with parameters but no @" + inject.replace('/', '.'),
                List.of(), withoutInject);
    }

    // ---- reading the jar

    /** The {@code class} of every module element of this type. */
    private List<String> moduleClasses(String element) {
        List<String> classes = new ArrayList<>();
        NodeList modules = descriptor.getElementsByTagName(element);
        for (int i = 0; i < modules.getLength(); i++) {
            classes.add(((Element) modules.item(i)).getAttribute("class").trim());
        }
        return classes;
    }

    /** The packages of every {@code <rest>} module, as internal-name prefixes. */
    private List<String> restPackages() {
        List<String> packages = new ArrayList<>();
        NodeList rest = descriptor.getElementsByTagName("rest");
        for (int i = 0; i < rest.getLength(); i++) {
            NodeList children = ((Element) rest.item(i)).getElementsByTagName("package");
            for (int j = 0; j < children.getLength(); j++) {
                packages.add(children.item(j).getTextContent().trim().replace('.', '/') + "/");
            }
        }
        assertFalse("no <rest><package> in the descriptor", packages.isEmpty());
        return packages;
    }

    /** Classes in the {@code <rest>} packages (and below, as REST scans them) with this class-level annotation. */
    private Map<String, ClassNode> restClasses(String annotation) {
        Map<String, ClassNode> found = new TreeMap<>();
        List<String> packages = restPackages();
        jar.classFiles().forEach((entry, bytes) -> {
            if (packages.stream().anyMatch(entry::startsWith)) {
                ClassNode node = read(bytes);
                if (has(node.visibleAnnotations, annotation)) {
                    found.put(node.name, node);
                }
            }
        });
        return found;
    }

    private ClassNode classNode(String binaryName) {
        String entry = binaryName.replace('.', '/') + ".class";
        assertTrue(binaryName + " (named in the descriptor) is not in the " + line + " jar", jar.has(entry));
        return read(jar.bytes(entry));
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE);
        return node;
    }

    private static boolean has(List<AnnotationNode> annotations, String internalName) {
        return annotations != null && annotations.stream().anyMatch(a -> a.desc.equals("L" + internalName + ";"));
    }

    /** An annotation whose type is directly in this package (internal-name prefix ending in '/'). */
    private static boolean hasAnnotationIn(List<AnnotationNode> annotations, String packagePrefix) {
        return annotations != null && annotations.stream().anyMatch(a -> a.desc.startsWith("L" + packagePrefix)
                && a.desc.indexOf('/', packagePrefix.length() + 1) < 0);
    }

    private static List<String> annotations(List<AnnotationNode> annotations) {
        List<String> names = new ArrayList<>();
        if (annotations != null) {
            annotations.forEach(a -> names.add(a.desc));
        }
        return names;
    }
}
