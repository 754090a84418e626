package dev.jirapat.packaging;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * Apache Felix as Jira runs it for plugins: the host's packages exported by the system bundle
 * ({@code org.osgi.framework.system.packages.extra}, classes from this test's class path), Spring and the Gemini
 * Blueprint extender as bundles (target/osgi-bundles, copied by the build), the extender configured as
 * Atlassian's (a fragment built from src/test/osgi/extender-config), and the host's services as stubs.
 */
final class OsgiSpringFramework {

    /** The extender's wait for a missing host service (the plugin's XML would otherwise wait minutes). */
    static final long DEPENDENCY_WAIT_MS = 2_000;
    /** Our own deadline for a context to start or fail. */
    private static final long DEADLINE_MS = 30_000;
    private static final String LISTENER =
            "org.eclipse.gemini.blueprint.context.event.OsgiBundleApplicationContextListener";
    private static final String EXTENDER = "org.eclipse.gemini.blueprint.extender";

    /** Built once per JVM (compiling takes a second); a later test's framework installs the same jar. */
    private static File fragment;

    private final Framework framework;
    private final List<Object[]> events = new CopyOnWriteArrayList<>();

    private OsgiSpringFramework(Framework framework) {
        this.framework = framework;
    }

    /**
     * A started framework with Spring and the extender active, and a stub registered for each of
     * {@code services} (interface names).
     */
    static OsgiSpringFramework start(File dir, PluginJar plugin, Set<String> services) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, new File(dir, "felix-cache").getAbsolutePath());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", hostPackages(plugin)));
        // Felix's URL handlers stay on: Spring resolves bundle: and bundleresource: URLs through them.
        config.put("felix.log.level", "1");
        Framework felix = new FrameworkFactory().newFramework(config);
        felix.start();
        OsgiSpringFramework osgi = new OsgiSpringFramework(felix);
        try {
            osgi.startSpringAndExtender();
            osgi.assertBracket();
            for (String service : services) {
                osgi.registerStub(service);
            }
        } catch (Exception | AssertionError e) {
            osgi.stop();
            throw e;
        }
        return osgi;
    }

    /**
     * What Jira's system bundle exports to this plugin: the packages the plugin imports (their classes come from
     * this test's class path: our host-api declarations and the provided dependencies), slf4j with its version;
     * not those an API bundle of the line exports ({@link #apiBundles}).
     */
    private static Set<String> hostPackages(PluginJar plugin) throws IOException {
        Set<String> packages = new TreeSet<>();
        for (OsgiHeader.Clause clause : plugin.importPackage().clauses()) {
            packages.addAll(clause.paths());
        }
        for (Path api : apiBundles()) {
            try (JarFile jar = new JarFile(api.toFile())) {
                packages.removeAll(OsgiHeader.parse(jar.getManifest().getMainAttributes()
                        .getValue(Constants.EXPORT_PACKAGE)).paths());
            }
        }
        packages.remove("org.slf4j");
        packages.add("org.slf4j;org.slf4j.spi;org.slf4j.helpers;version=1.7.36");
        if (OsgiSpringFramework.class.getClassLoader().getResource("javax/inject/Inject.class") != null) {
            packages.add("javax.inject;version=1.0.0");
        }
        return packages;
    }

    /**
     * The JAX-RS API of the line whose jar this JVM runs (pat.jar), as the OSGi bundle its project publishes, with
     * what it needs (target/osgi-host/&lt;line&gt;): JAX-RS 1.1 for the jira9 jar, 2.1 for jira10, so the plugin's
     * {@code javax.ws.rs} imports with their version ranges wire to the real API. The servlet API stays on the
     * system bundle, where the host's own API classes, which take servlet types, get it too.
     */
    static List<Path> apiBundles() throws IOException {
        String property = System.getProperty("pat.osgiHost");
        assertNotNull("system property pat.osgiHost is not set: run through failsafe (mvn verify)", property);
        Path dir = Paths.get(property, PluginJar.builtLine().id());
        assertTrue(dir + " is missing: mvn verify copies the API bundles first", Files.isDirectory(dir));
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar")).sorted()::iterator) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    String exports = String.valueOf(file.getManifest().getMainAttributes()
                            .getValue(Constants.EXPORT_PACKAGE));
                    if (!exports.contains(".servlet")) {
                        jars.add(jar);
                    }
                }
            }
        }
        assertFalse("no JAX-RS bundle in " + dir, jars.isEmpty());
        return jars;
    }

    private void startSpringAndExtender() throws Exception {
        String property = System.getProperty("pat.osgiBundles");
        assertNotNull("system property pat.osgiBundles is not set: run through failsafe (mvn verify), which copies "
                + "the framework's bundles first", property);
        Path bundles = Paths.get(property);
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundles)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
        assertTrue("no bundles in " + bundles + ": run mvn verify (pre-integration-test copies them)",
                jars.size() >= 10);
        BundleContext system = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(system.installBundle(jar.toUri().toString()));
        }
        installed.add(system.installBundle(extenderConfigFragment(jars).toURI().toString()));
        for (Path api : apiBundles()) {
            installed.add(system.installBundle(api.toUri().toString()));
        }
        // Resolve in one batch (the fragment attaches to the extender), then start.
        assertTrue("the framework's bundles do not resolve: " + unresolved(installed),
                framework.adapt(FrameworkWiring.class).resolveBundles(installed));
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        Bundle extender = bundle(EXTENDER);
        Class<?> listener = extender.loadClass(LISTENER);
        InvocationHandler recorder = (proxy, method, args) -> {
            if (method.getName().equals("onOsgiApplicationEvent")) {
                events.add(new Object[] {args[0]});
                return null;
            }
            return objectMethod(proxy, method, args);
        };
        extender.getBundleContext().registerService(LISTENER,
                Proxy.newProxyInstance(listener.getClassLoader(), new Class<?>[] {listener}, recorder), null);
    }

    /**
     * The framework and bundles are those the build names for this JVM (failsafe's pat.osgi.* properties per
     * execution), so a class path or copy mistake cannot run one bracket twice.
     */
    private void assertBracket() {
        String felix = framework.getVersion().toString();
        String spring = bundle("org.apache.servicemix.bundles.spring-core").getVersion().toString();
        String gemini = bundle(EXTENDER).getVersion().toString();
        assertEquals("Felix version", System.getProperty("pat.osgi.felix"), felix);
        // ServiceMix's Maven version 5.3.39_1 is bundle version 5.3.39.1; 4.3.30.RELEASE_1 stays as it is.
        assertEquals("Spring bundles' version", String.valueOf(System.getProperty("pat.osgi.spring")).replace('_', '.'),
                spring.replace('_', '.'));
        assertEquals("Gemini Blueprint version", System.getProperty("pat.osgi.gemini"), gemini);
        if (!bracketShown) {
            bracketShown = true;
            System.out.println("[osgi] " + PluginJar.builtLine() + " jar under Felix " + felix + ", Spring " + spring
                    + ", Gemini Blueprint " + gemini);
        }
    }

    private static boolean bracketShown;

    /**
     * A fragment of the extender bundle with Atlassian's settings: {@code AtlassianLikeContextCreator}, compiled
     * here against the framework's bundles, and the extender properties.
     */
    private static synchronized File extenderConfigFragment(List<Path> bundles) throws IOException {
        if (fragment == null) {
            File dir = Files.createTempDirectory("pat-extender-config").toFile();
            dir.deleteOnExit();
            fragment = buildExtenderConfigFragment(dir, bundles);
            fragment.deleteOnExit();
        }
        return fragment;
    }

    private static File buildExtenderConfigFragment(File dir, List<Path> bundles) throws IOException {
        Path sources = PluginJar.projectDir().resolve("src/test/osgi/extender-config");
        Path creator = sources.resolve("dev/jirapat/extenderconfig/AtlassianLikeContextCreator.java");
        File classes = new File(dir, "extender-config-classes");
        assertTrue(classes.mkdirs());
        List<String> classpath = new ArrayList<>();
        bundles.forEach(b -> classpath.add(b.toString()));
        classpath.add(Paths.get(jarOf(Framework.class)).toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull("no Java compiler (run on a JDK)", javac);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        // -sourcepath: the ServiceMix jars carry their sources, which javac would otherwise compile too.
        int status = javac.run(null, errors, errors, "--release", "8", "-nowarn", "-implicit:none",
                "-sourcepath", classes.getPath(), "-classpath", String.join(File.pathSeparator, classpath),
                "-d", classes.getPath(), creator.toString());
        assertEquals("compiling " + creator + ":\n" + errors.toString(StandardCharsets.UTF_8), 0, status);

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, "dev.jirapat.test.extender-config");
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        main.putValue(Constants.FRAGMENT_HOST, EXTENDER);
        File fragment = new File(dir, "extender-config.jar");
        try (OutputStream out = Files.newOutputStream(fragment.toPath());
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            String xml = "META-INF/spring/extender/atlassian-like.xml";
            jar.putNextEntry(new JarEntry(xml));
            jar.write(Files.readString(sources.resolve(xml), StandardCharsets.UTF_8)
                    .replace("WAIT_MS", Long.toString(DEPENDENCY_WAIT_MS)).getBytes(StandardCharsets.UTF_8));
            Path root = classes.toPath();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    jar.putNextEntry(new JarEntry(root.relativize(f).toString().replace(File.separatorChar, '/')));
                    jar.write(Files.readAllBytes(f));
                }
            }
        }
        return fragment;
    }

    private static String jarOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("where is " + type + "?", e);
        }
    }

    /**
     * A stub of a host service, registered under its interface by the system bundle (which exports the
     * interface): every method returns a stub of its return type when that is an interface, else null or zero.
     */
    private void registerStub(String interfaceName) throws ClassNotFoundException {
        Class<?> type = Class.forName(interfaceName, false, OsgiSpringFramework.class.getClassLoader());
        framework.getBundleContext().registerService(interfaceName, stub(type), null);
    }

    private static Object stub(Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args);
            }
            Class<?> returns = method.getReturnType();
            if (returns.isInterface()) {
                return stub(returns);
            }
            if (returns == boolean.class) {
                return false;
            }
            if (returns.isPrimitive() && returns != void.class) {
                return zero(returns);
            }
            return null;
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == double.class) {
            return 0d;
        }
        if (primitive == float.class) {
            return 0f;
        }
        if (primitive == char.class) {
            return (char) 0;
        }
        if (primitive == byte.class) {
            return (byte) 0;
        }
        if (primitive == short.class) {
            return (short) 0;
        }
        return 0;
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "stub " + proxy.getClass().getInterfaces()[0].getName();
            default:
                return null;
        }
    }

    Bundle install(File bundleJar) throws Exception {
        return framework.getBundleContext().installBundle(bundleJar.toURI().toString());
    }

    /** The plugin's application context once the extender has refreshed it; fails on failure or at our deadline. */
    Object awaitContext(Bundle plugin) throws Exception {
        Object event = awaitEvent(plugin);
        Throwable failure = failureCause(event);
        if (failure != null) {
            throw new AssertionError("the plugin's Spring context failed: " + SpringContexts.rootCause(failure),
                    failure);
        }
        return SpringContexts.call(event, "getApplicationContext");
    }

    /** Why the plugin's context failed; fails if it started. */
    Throwable awaitFailure(Bundle plugin) throws Exception {
        Object event = awaitEvent(plugin);
        Throwable failure = failureCause(event);
        assertNotNull("the plugin's Spring context started: " + event, failure);
        return failure;
    }

    private Object awaitEvent(Bundle plugin) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        while (System.nanoTime() < deadline) {
            for (Object[] recorded : events) {
                Object event = recorded[0];
                // Refreshed or failed (a failed event, or its subclass for a missing service, has a cause); the
                // events about waiting for a service come before either.
                boolean done = event.getClass().getSimpleName().equals("OsgiBundleContextRefreshedEvent")
                        || hasFailureCause(event);
                if (done && plugin.equals(SpringContexts.call(event, "getBundle"))) {
                    return event;
                }
            }
            Thread.sleep(20);
        }
        fail("the extender neither started nor failed the plugin's context within " + DEADLINE_MS + " ms; bundle "
                + "state " + plugin.getState());
        return null;
    }

    private static boolean hasFailureCause(Object event) {
        return Stream.of(event.getClass().getMethods())
                .anyMatch(m -> m.getName().equals("getFailureCause") && m.getParameterCount() == 0);
    }

    private static Throwable failureCause(Object event) throws Exception {
        for (Method m : event.getClass().getMethods()) {
            if (m.getName().equals("getFailureCause") && m.getParameterCount() == 0) {
                return (Throwable) m.invoke(event);
            }
        }
        return null;
    }

    /** The plugin's context as an OSGi service, as Gemini publishes it; null when there is none. */
    ServiceReference<?> publishedContext(Bundle plugin) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = framework.getBundleContext().getAllServiceReferences(
                "org.springframework.context.ApplicationContext",
                "(org.springframework.context.service.name=" + plugin.getSymbolicName() + ")");
        return refs == null ? null : refs[0];
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static String unresolved(List<Bundle> bundles) {
        List<String> why = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.getState() == Bundle.INSTALLED && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    b.start();
                    b.stop();
                } catch (Exception e) {
                    why.add(e.getMessage());
                }
            }
        }
        return String.join("; ", why);
    }

    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(20_000);
    }
}
