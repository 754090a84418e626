package dev.jirapat.packaging;

import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.jirapat.packaging.SpringContexts.ambiguousOrMissing;
import static dev.jirapat.packaging.SpringContexts.beanIds;
import static dev.jirapat.packaging.SpringContexts.call;
import static dev.jirapat.packaging.SpringContexts.createModule;
import static dev.jirapat.packaging.SpringContexts.parse;
import static dev.jirapat.packaging.SpringContexts.rootCause;
import static dev.jirapat.packaging.SpringContexts.timer;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The built jar under the real Spring extender: Apache Felix with Spring as bundles and the Eclipse Gemini
 * Blueprint extender Atlassian's plugin system ships, each run in a failsafe execution (a JVM) of its own: the
 * jira9 jar in two brackets, Felix 7.0.5, Spring 5.3, Gemini 3.0.0.M01 (Jira 9) and Felix 5.6, Spring 4.3, Gemini
 * 2.1 (the Jira 8.20 era); the jira10 jar in the first (Jira 10 is Platform 7, Spring 5.3). The line's JAX-RS API is
 * the bundle its project publishes (1.1 or 2.1). The jira11 jar needs Spring 6's bridge to OSGi, which is not on
 * Maven Central: Spring6ContextIT starts its context on plain Spring 6. The extender is configured as Atlassian's is (no XML
 * validation, no parameter names in constructor autowiring), and the host's services as stubs. The plugin's
 * context must start, be published, hold every bean, create every module by constructor autowiring with one
 * candidate per parameter, and run its destroy methods when the bundle stops.
 *
 * <p>Spring and Gemini live inside the framework, not on this test's class path: the test reaches them by
 * reflection ({@link OsgiSpringFramework}).
 */
public class SpringExtenderIT {

    private static final String CONTEXT_XML = "META-INF/spring/plugin-context.xml";
    private static final String CACHE_MANAGER = "com.atlassian.cache.CacheManager";

    private static PluginJar jar;

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private OsgiSpringFramework osgi;

    @BeforeClass
    public static void openBuiltJar() throws Exception {
        jar = PluginJar.built();
    }

    @After
    public void stopFramework() throws Exception {
        if (osgi != null) {
            osgi.stop();
        }
    }

    @Test
    public void pluginContextStartsWithEveryBeanAndCreatesEveryModule() throws Exception {
        osgi = OsgiSpringFramework.start(tmp.newFolder(), jar, referencedServices(jar.text(CONTEXT_XML)));
        Bundle plugin = osgi.install(jar.path().toFile());
        plugin.start();

        Object context = osgi.awaitContext(plugin);

        ServiceReference<?> published = osgi.publishedContext(plugin);
        assertNotNull("the plugin's application context is not published as an OSGi service "
                + "(org.springframework.context.ApplicationContext, service name " + plugin.getSymbolicName() + ")",
                published);
        Set<String> defined = new TreeSet<>(Arrays.asList((String[]) call(context, "getBeanDefinitionNames")));
        for (String id : beanIds(jar.text(CONTEXT_XML))) {
            assertTrue("bean " + id + " is not defined; the context defines " + defined, defined.contains(id));
            assertNotNull("bean " + id, call(context, "getBean", id));
        }

        List<String> modules = moduleClasses(plugin);
        assertEquals("modules that the plugin's context cannot create by constructor autowiring (" + modules
                + ")", Collections.emptyList(), moduleFailures(plugin, context, modules));

        assertTrue("the jobs' bean is not exported as a SAL LifecycleAware service, so SAL would never start it",
                exports(plugin, "com.atlassian.sal.api.lifecycle.LifecycleAware"));

        Object recorder = call(context, "getBean", "lastUsedRecorder");
        assertNotNull("LastUsedRecorder.start (init-method) did not run: no timer", timer(recorder));
        plugin.stop();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (timer(recorder) != null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertNull("stopping the bundle did not run LastUsedRecorder.stop (destroy-method)", timer(recorder));
        assertNull("the context is still published after the bundle stopped", osgi.publishedContext(plugin));
    }

    /** Negative control: with a second Clock bean, a module constructor that takes a Clock has two candidates. */
    @Test
    public void moduleWhenTwoBeansShareItsParameterTypeThenCannotBeCreated() throws Exception {
        String xml = jar.text(CONTEXT_XML);
        String clock = "<beans:bean id=\"clock\" class=\"java.time.Clock\" factory-method=\"systemUTC\"/>";
        assertTrue("precondition: " + CONTEXT_XML + " declares " + clock, xml.contains(clock));
        String twoClocks = xml.replace(clock,
                clock + "\n<beans:bean id=\"otherClock\" class=\"java.time.Clock\" factory-method=\"systemUTC\"/>");
        osgi = OsgiSpringFramework.start(tmp.newFolder(), jar, referencedServices(xml));
        Bundle plugin = osgi.install(jar.withEntry(CONTEXT_XML, twoClocks, tmp.newFile("two-clocks.jar")));
        plugin.start();
        Object context = osgi.awaitContext(plugin);

        Class<?> filter = plugin.loadClass("dev.jirapat.auth.BearerAuthenticationFilter");
        assertEquals(Collections.singletonList(filter.getName() + ": 2 beans of type java.time.Clock [clock, "
                + "otherClock]"), ambiguousOrMissing(context, filter));
        try {
            createModule(context, filter);
            fail("the filter was created although two Clock beans match its constructor (its parameter is named "
                    + "clock: only parameter-name matching could pick one, and Atlassian's container does not)");
        } catch (InvocationTargetException e) {
            String cause = rootCause(e);
            assertTrue(cause, cause.contains("NoUniqueBeanDefinitionException") && cause.contains("java.time.Clock"));
        }
    }

    /** Negative control: without a host service the context fails, when the extender's wait runs out. */
    @Test
    public void contextWhenHostServiceIsMissingThenFails() throws Exception {
        Set<String> services = referencedServices(jar.text(CONTEXT_XML));
        assertTrue("precondition: the plugin references " + CACHE_MANAGER, services.remove(CACHE_MANAGER));
        osgi = OsgiSpringFramework.start(tmp.newFolder(), jar, services);
        Bundle plugin = osgi.install(jar.path().toFile());
        plugin.start();

        Throwable failure = osgi.awaitFailure(plugin);

        assertTrue("the failure should name the missing service, but was: " + failure,
                String.valueOf(failure).contains(CACHE_MANAGER));
        assertNull("a context was published without " + CACHE_MANAGER, osgi.publishedContext(plugin));
    }

    /**
     * Negative control: a module class uses a package the manifest does not import (the host exports it). On a flat
     * class path, as in the dev host, it would load; in OSGi its class cannot be defined, and the check says which.
     */
    @Test
    public void moduleWhenItsPackageIsNotImportedThenCannotBeLoaded() throws Exception {
        String provider = "dev.jirapat.web.ProfileTokensContextProvider";
        String missing = "com.atlassian.plugin.web";
        osgi = OsgiSpringFramework.start(tmp.newFolder(), jar, referencedServices(jar.text(CONTEXT_XML)));
        Bundle plugin = osgi.install(jar.withoutImport(missing, tmp.newFile("no-plugin-web-import.jar")));
        plugin.start();
        Object context = osgi.awaitContext(plugin); // no bean needs the package: the context still starts

        List<String> modules = moduleClasses(plugin);
        assertTrue("precondition: " + provider + " is a module of the plugin", modules.contains(provider));
        List<String> failures = moduleFailures(plugin, context, modules);
        assertEquals("only the module that uses " + missing + " fails: " + failures, 1, failures.size());
        String failure = failures.get(0);
        assertTrue(failure, failure.startsWith(provider + ": ")
                && (failure.contains(missing + ".") || failure.contains(missing.replace('.', '/') + "/")));
    }

    /**
     * What keeps each module from being created: a parameter type without exactly one bean, a class that cannot be
     * loaded from the bundle, a constructor that fails.
     */
    private static List<String> moduleFailures(Bundle plugin, Object context, List<String> modules) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String className : modules) {
            try {
                Class<?> type = plugin.loadClass(className);
                failures.addAll(ambiguousOrMissing(context, type));
                Object module = createModule(context, type);
                assertTrue(className + " created as " + module.getClass(), type.isInstance(module));
            } catch (Exception | LinkageError e) {
                failures.add(className + ": " + rootCause(e));
            }
        }
        return failures;
    }

    /**
     * The audit service is optional: without it the context starts, and a call on Gemini's proxy of the absent
     * service fails at once (timeout 1 ms) rather than blocking a request for the default 30 s; the audit consumer
     * catches that and logs the entry.
     */
    @Test
    public void contextWhenAuditServiceIsAbsentThenStartsAndItsProxyFailsFast() throws Exception {
        Set<String> services = referencedServices(jar.text(CONTEXT_XML));
        assertTrue("precondition: the plugin references " + AUDIT_SERVICE, services.remove(AUDIT_SERVICE));
        osgi = OsgiSpringFramework.start(tmp.newFolder(), jar, services);
        Bundle plugin = osgi.install(jar.path().toFile());
        plugin.start();

        Object context = osgi.awaitContext(plugin);

        assertNotNull(call(context, "getBean", "tokenEvents"));
        Object proxy = call(context, "getBean", "auditService");
        java.lang.reflect.Method audit = null;
        for (Class<?> type : proxy.getClass().getInterfaces()) {
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (type.getName().equals(AUDIT_SERVICE) && m.getName().equals("audit")) {
                    audit = m;
                }
            }
        }
        assertNotNull("the proxy implements AuditService.audit", audit);
        long start = System.nanoTime();
        try {
            audit.invoke(proxy, new Object[] {null});
            fail("a call on the absent audit service returned");
        } catch (InvocationTargetException e) {
            assertTrue("an unchecked failure JiraAuditLog catches: " + e.getCause(), e.getCause() instanceof RuntimeException);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue("the call waited " + millis + " ms for the absent service", millis < 2_000);
    }

    private static final String AUDIT_SERVICE = "com.atlassian.audit.api.AuditService";

    /** Whether the bundle registered a service under this interface ({@code <osgi:service>}). */
    private static boolean exports(Bundle plugin, String interfaceName) {
        ServiceReference<?>[] registered = plugin.getRegisteredServices();
        for (ServiceReference<?> reference : registered == null ? new ServiceReference<?>[0] : registered) {
            if (Arrays.asList((String[]) reference.getProperty("objectClass")).contains(interfaceName)) {
                return true;
            }
        }
        return false;
    }

    /** The interface of every {@code <osgi:reference>}: the host services the plugin waits for. */
    static Set<String> referencedServices(String contextXml) throws Exception {
        Set<String> names = new TreeSet<>();
        NodeList references = parse(contextXml).getElementsByTagNameNS(
                "http://www.eclipse.org/gemini/blueprint/schema/blueprint", "reference");
        for (int i = 0; i < references.getLength(); i++) {
            NodeList values = ((Element) references.item(i)).getElementsByTagNameNS(
                    "http://www.springframework.org/schema/beans", "value");
            assertEquals("one interface per osgi:reference", 1, values.getLength());
            names.add(values.item(0).getTextContent().trim());
        }
        assertFalse("no osgi:reference in " + CONTEXT_XML, names.isEmpty());
        return names;
    }

    /**
     * The classes the plugin system creates from the context: every {@code class} attribute in
     * atlassian-plugin.xml (filter, servlet, context providers) and the REST package's resources and providers.
     */
    private static List<String> moduleClasses(Bundle plugin) throws Exception {
        Set<String> classes = new LinkedHashSet<>();
        NodeList all = parse(jar.text("atlassian-plugin.xml")).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("class")) {
                classes.add(e.getAttribute("class"));
            }
        }
        Enumeration<URL> rest = plugin.findEntries("dev/jirapat/rest", "*.class", false);
        assertNotNull("no classes in dev/jirapat/rest", rest);
        int restModules = 0;
        while (rest.hasMoreElements()) {
            String path = rest.nextElement().getPath();
            String name = path.substring(1, path.length() - ".class".length()).replace('/', '.');
            Class<?> type = plugin.loadClass(name);
            if (isResourceOrProvider(type)) {
                classes.add(name);
                restModules++;
            }
        }
        assertTrue("no @Path or @Provider classes found in dev.jirapat.rest", restModules > 0);
        return new ArrayList<>(classes);
    }

    /**
     * Whether the class is a JAX-RS resource or provider: {@code @Path} or {@code @Provider}, of the JAX-RS API the
     * bundle is wired to (javax on 8.20-10, from a JAX-RS bundle here, not this test's class path).
     */
    private static boolean isResourceOrProvider(Class<?> type) {
        for (java.lang.annotation.Annotation annotation : type.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.endsWith(".ws.rs.Path") || name.endsWith(".ws.rs.ext.Provider")) {
                return true;
            }
        }
        return false;
    }
}
