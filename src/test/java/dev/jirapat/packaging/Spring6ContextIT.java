package dev.jirapat.packaging;

import org.junit.After;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.jirapat.packaging.SpringContexts.ambiguousOrMissing;
import static dev.jirapat.packaging.SpringContexts.beanIds;
import static dev.jirapat.packaging.SpringContexts.call;
import static dev.jirapat.packaging.SpringContexts.createModule;
import static dev.jirapat.packaging.SpringContexts.parse;
import static dev.jirapat.packaging.SpringContexts.rootCause;
import static dev.jirapat.packaging.SpringContexts.timer;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The jira11 jar's container start, as far as Maven Central allows. Jira 11 (Platform 8) runs plugins on Spring 6
 * through Atlassian's OSGi bridge, and no Gemini Blueprint built for Spring 6 is on Central (its last release,
 * 3.0.0.M01, is for Spring 5), so the OSGi half is BundleResolvesIT (the jar resolves in Felix 7 against Jakarta
 * Servlet 6.0, REST 3.1 and Inject 2.0) and the Spring half is this: the jar's own
 * META-INF/spring/plugin-context.xml on plain Spring 6.2 in a class loader of its own that holds only the jar, the
 * Atlassian API the plugin is compiled against (renamed to jakarta like the jar), Spring 6, the Jakarta APIs and the
 * libraries the host provides, and no javax.servlet, javax.ws.rs or javax.inject at all. Gemini's {@code osgi:}
 * elements are read by a stand-in (src/test/spring6), which gives every host service as a stub. The context must
 * start with every bean, create every module (filter, servlet, context provider, REST resources and providers) by
 * constructor autowiring with one candidate per parameter, and run its destroy methods when it closes.
 *
 * <p>Not proved here: that Jira 11's own bridge still reads the Gemini {@code osgi:} namespace (docs/platforms.md).
 */
public class Spring6ContextIT {

    private static final String CONTEXT_XML = "META-INF/spring/plugin-context.xml";
    private static final String HANDLER = "dev.jirapat.spring6.StubOsgiNamespaceHandler";
    private static final String BLUEPRINT = "http://www.eclipse.org/gemini/blueprint/schema/blueprint";
    private static final String CACHE_MANAGER = "com.atlassian.cache.CacheManager";
    /** {@code XmlBeanDefinitionReader.VALIDATION_NONE}: Atlassian's extender does not validate either. */
    private static final int VALIDATION_NONE = 0;

    /** Built once per JVM: the stand-in handler compiled against Spring 6, and the renamed host API as a jar. */
    private static Path handlerClasses;
    private static Path hostApiJar;

    private URLClassLoader loader;
    private Object context;

    @After
    public void close() throws Exception {
        if (context != null && (boolean) call(context, "isActive")) {
            call(context, "close");
        }
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    public void contextWhenStartedOnSpring6ThenHasEveryBeanAndCreatesEveryModule() throws Exception {
        PluginJar jar = PluginJar.of(JiraLine.JIRA11);
        loader = isolatedLoader(jar.path());
        assertNull("the class loader must hold no javax.servlet", loader.getResource("javax/servlet/Filter.class"));
        assertNull("the class loader must hold no javax.ws.rs", loader.getResource("javax/ws/rs/Path.class"));
        assertNull("the class loader must hold no javax.inject", loader.getResource("javax/inject/Inject.class"));

        context = start(Set.of());

        String version = (String) loader.loadClass("org.springframework.core.SpringVersion")
                .getMethod("getVersion").invoke(null);
        assertEquals("Spring version", System.getProperty("pat.spring.jira11", "6.2.19"), version);
        System.out.println("[jira11] plugin-context.xml started on plain Spring " + version);

        Set<String> defined = new TreeSet<>(Arrays.asList((String[]) call(context, "getBeanDefinitionNames")));
        for (String id : beanIds(jar.text(CONTEXT_XML))) {
            assertTrue("bean " + id + " is not defined; the context defines " + defined, defined.contains(id));
            assertNotNull("bean " + id, call(context, "getBean", id));
        }

        List<String> modules = moduleClasses(jar);
        List<String> failures = new ArrayList<>();
        for (String className : modules) {
            try {
                Class<?> type = loader.loadClass(className);
                failures.addAll(ambiguousOrMissing(context, type));
                Object module = createModule(context, type);
                assertTrue(className + " created as " + module.getClass(), type.isInstance(module));
            } catch (Exception | LinkageError e) {
                failures.add(className + ": " + rootCause(e));
            }
        }
        assertEquals("modules that the plugin's context cannot create by constructor autowiring (" + modules + ")",
                Collections.emptyList(), failures);
        Class<?> filter = loader.loadClass("dev.jirapat.auth.BearerAuthenticationFilter");
        assertTrue("the filter is a jakarta.servlet.Filter: " + Arrays.toString(filter.getInterfaces()),
                loader.loadClass("jakarta.servlet.Filter").isAssignableFrom(filter));

        @SuppressWarnings("unchecked")
        List<String> exported = (List<String>) loader.loadClass(HANDLER).getField("EXPORTED").get(null);
        assertTrue("the jobs' bean is not exported as a SAL LifecycleAware service: " + exported,
                exported.stream().anyMatch(e -> e.startsWith("com.atlassian.sal.api.lifecycle.LifecycleAware=")));

        Object recorder = call(context, "getBean", "lastUsedRecorder");
        assertNotNull("LastUsedRecorder.start (init-method) did not run: no timer", timer(recorder));
        call(context, "close");
        assertNull("closing the context did not run LastUsedRecorder.stop (destroy-method)", timer(recorder));
    }

    /**
     * Every class of the jar loads, verifies and initialises here, as the JVM does when Jira 11 first uses it, and
     * every signature resolves when reflected on, as Spring and the REST container do. One known exception to the
     * second: RequestScopedSession implements HttpSession against Servlet 3.1 and so keeps getSessionContext(), whose
     * return type Servlet 6 removed; the JVM never needs that type (the method is not on Servlet 6's interface and
     * returns null), but code that reflects on the session object's methods would fail. It is allowed here by name,
     * so any other gap fails.
     */
    @Test
    public void classesWhenLoadedWithJakartaApisThenLink() throws Exception {
        PluginJar jar = PluginJar.of(JiraLine.JIRA11);
        loader = isolatedLoader(jar.path());
        List<String> failures = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (String entry : jar.classFiles().keySet()) {
            String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
            try {
                Class<?> type = Class.forName(name, true, loader);
                try {
                    type.getDeclaredMethods();
                    type.getDeclaredFields();
                    type.getDeclaredConstructors();
                    type.getGenericInterfaces();
                } catch (NoClassDefFoundError e) {
                    if (name.equals(SERVLET4_SESSION) && String.valueOf(e.getMessage()).equals(SERVLET4_ONLY)) {
                        allowed.add(name + ": " + e.getMessage());
                    } else {
                        failures.add(name + " (reflection): " + e);
                    }
                }
            } catch (Exception | LinkageError e) {
                failures.add(name + ": " + e);
            }
        }
        if (!allowed.isEmpty()) {
            System.out.println("[jira11] loads, but cannot be reflected on with Servlet 6: " + allowed);
        }
        assertEquals("classes of the jira11 jar that do not load with Spring 6 and the Jakarta APIs",
                List.of(), failures);
    }

    private static final String SERVLET4_SESSION = "dev.jirapat.auth.RequestScopedSession";
    private static final String SERVLET4_ONLY = "jakarta/servlet/http/HttpSessionContext";

    /** Negative control: the same path cannot load the jira10 jar's javax filter, so javax is really absent. */
    @Test
    public void javaxJarWhenLoadedWithJakartaApisThenFilterCannotLoad() throws Exception {
        loader = isolatedLoader(PluginJar.of(JiraLine.JIRA10).path());
        try {
            loader.loadClass("dev.jirapat.auth.BearerAuthenticationFilter").getInterfaces();
            fail("the jira10 jar's filter loaded without javax.servlet");
        } catch (NoClassDefFoundError expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("javax/servlet/Filter"));
        }
    }

    /** Negative control: without a mandatory host service the context fails, naming it. */
    @Test
    public void contextWhenHostServiceIsMissingThenFails() throws Exception {
        loader = isolatedLoader(PluginJar.of(JiraLine.JIRA11).path());
        try {
            context = start(Set.of(CACHE_MANAGER));
            fail("the context started without " + CACHE_MANAGER);
        } catch (InvocationTargetException e) {
            String cause = rootCause(e);
            assertTrue("the failure should name the missing service: " + cause, cause.contains(CACHE_MANAGER));
        }
    }

    // ---- the Spring 6 context

    /** A context from the jar's plugin-context.xml, refreshed, with {@code absent} host services missing. */
    private Object start(Set<String> absent) throws Exception {
        @SuppressWarnings("unchecked")
        Set<String> absentServices = (Set<String>) loader.loadClass(HANDLER).getField("ABSENT").get(null);
        absentServices.addAll(absent);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object ctx = loader.loadClass("org.springframework.context.support.GenericApplicationContext")
                    .getConstructor().newInstance();
            call(ctx, "setClassLoader", loader);
            Class<?> registry = loader.loadClass("org.springframework.beans.factory.support.BeanDefinitionRegistry");
            Object reader = loader.loadClass("org.springframework.beans.factory.xml.XmlBeanDefinitionReader")
                    .getConstructor(registry).newInstance(ctx);
            call(reader, "setValidationMode", VALIDATION_NONE);
            call(reader, "setNamespaceAware", true); // without XSD validation Spring would not be
            call(reader, "setBeanClassLoader", loader);
            int count = (int) call(reader, "loadBeanDefinitions", "classpath:" + CONTEXT_XML);
            assertTrue("no bean definitions read from " + CONTEXT_XML, count > 0);
            context = ctx;
            call(ctx, "refresh");
            return ctx;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The classes Jira's plugin system creates from the context: every {@code class} in the descriptor and each
     * {@code @jakarta.ws.rs.Path} or {@code @jakarta.ws.rs.ext.Provider} class of the REST package.
     */
    private List<String> moduleClasses(PluginJar jar) throws Exception {
        Set<String> classes = new LinkedHashSet<>();
        NodeList all = parse(jar.text("atlassian-plugin.xml")).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("class")) {
                classes.add(e.getAttribute("class"));
            }
        }
        // Read from the class files, so a class that cannot load is reported as a module failure, not lost here.
        int rest = 0;
        for (java.util.Map.Entry<String, byte[]> entry : jar.classFiles().entrySet()) {
            String file = entry.getKey();
            if (file.startsWith("dev/jirapat/rest/") && file.indexOf('/', "dev/jirapat/rest/".length()) < 0) {
                org.objectweb.asm.tree.ClassNode node = new org.objectweb.asm.tree.ClassNode();
                new org.objectweb.asm.ClassReader(entry.getValue()).accept(node,
                        org.objectweb.asm.ClassReader.SKIP_CODE);
                if (node.visibleAnnotations != null && node.visibleAnnotations.stream().anyMatch(
                        a -> a.desc.equals("Ljakarta/ws/rs/Path;") || a.desc.equals("Ljakarta/ws/rs/ext/Provider;"))) {
                    classes.add(node.name.replace('/', '.'));
                    rest++;
                }
            }
        }
        assertTrue("no @jakarta.ws.rs.Path or @Provider classes in dev.jirapat.rest", rest > 0);
        return new ArrayList<>(classes);
    }

    // ---- the class path

    /**
     * The jar first, then the renamed host API (com/atlassian/** of target/jira11/classes), Spring 6 and the Jakarta
     * APIs with the host's libraries (target/spring-jira11), the stand-in handler; the JDK's platform loader as
     * parent, so nothing of this test's own class path (javax.servlet, Spring 5) is visible.
     */
    private static URLClassLoader isolatedLoader(Path pluginJar) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(pluginJar.toUri().toURL());
        urls.add(hostApiJar().toUri().toURL());
        List<Path> libraries = springJira11();
        for (Path library : libraries) {
            urls.add(library.toUri().toURL());
        }
        urls.add(handlerClasses(libraries).toUri().toURL());
        return new URLClassLoader("spring6-jira11", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    private static List<Path> springJira11() throws IOException {
        String property = System.getProperty("pat.springJira11");
        assertNotNull("system property pat.springJira11 is not set: run through failsafe (mvn verify)", property);
        try (Stream<Path> files = Files.list(Paths.get(property))) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
            assertTrue("Spring 6 is not in " + property + ": mvn verify copies it first",
                    jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("spring-context-6.")));
            return jars;
        }
    }

    private static synchronized Path hostApiJar() throws IOException {
        if (hostApiJar == null) {
            String property = System.getProperty("pat.jira11Classes");
            assertNotNull("system property pat.jira11Classes is not set: run through failsafe", property);
            Path root = Paths.get(property);
            Path api = root.resolve("com/atlassian");
            assertTrue("the renamed host API is not in " + api + ": run mvn package first", Files.isDirectory(api));
            Path jar = Files.createTempFile("host-api-jira11", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                 Stream<Path> files = Files.walk(api)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    zip.putNextEntry(new JarEntry(root.relativize(f).toString().replace(File.separatorChar, '/')));
                    zip.write(Files.readAllBytes(f));
                }
            }
            hostApiJar = jar;
        }
        return hostApiJar;
    }

    /** src/test/spring6 compiled against Spring 6, with the META-INF/spring.handlers that names it. */
    private static synchronized Path handlerClasses(List<Path> libraries) throws IOException {
        if (handlerClasses == null) {
            Path dir = Files.createTempDirectory("spring6-handler");
            dir.toFile().deleteOnExit();
            Path source = PluginJar.projectDir().resolve("src/test/spring6/dev/jirapat/spring6/StubOsgiNamespaceHandler.java");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertNotNull("no Java compiler (run on a JDK)", javac);
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            String classpath = libraries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            int status = javac.run(null, errors, errors, "--release", "17", "-nowarn", "-classpath", classpath,
                    "-d", dir.toString(), source.toString());
            assertEquals("compiling " + source + ":\n" + errors.toString(StandardCharsets.UTF_8), 0, status);
            Path handlers = dir.resolve("META-INF/spring.handlers");
            Files.createDirectories(handlers.getParent());
            Files.writeString(handlers, BLUEPRINT.replace(":", "\\:") + "=" + HANDLER + "\n");
            handlerClasses = dir;
        }
        return handlerClasses;
    }
}
