package dev.jirapat.packaging;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
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
 * Each line's jar in a real OSGi framework (Apache Felix 7, as in Jira 9 and later), next to a stand-in for that
 * Jira: the line's servlet, JAX-RS and inject APIs as the OSGi bundles their projects publish on Maven Central
 * (Servlet 3.1 and JAX-RS 1.1 for 8.20-9.x; Servlet 4.0 and JAX-RS 2.1 for 10; Jakarta Servlet 6.0, Jakarta REST
 * 3.1 and Jakarta Inject 2.0 for 11; copied into target/osgi-host/&lt;line&gt; by the build), and a bundle that
 * exports the rest of what the plugin requires (the Atlassian packages). Resolving only; SpringExtenderIT starts the
 * jira9 and jira10 jars under the Spring extender, Spring6ContextIT the jira11 jar's context.
 */
@RunWith(Parameterized.class)
public class BundleResolvesIT {

    private static final String ACTIVE_OBJECTS = "com.atlassian.activeobjects.external";
    private static final String PACKAGE_NAMESPACE = "osgi.wiring.package";

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> lines() {
        return JiraLine.parameters();
    }

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private final JiraLine line;
    private final PluginJar jar;
    private Framework framework;

    public BundleResolvesIT(JiraLine line) throws Exception {
        this.line = line;
        this.jar = PluginJar.of(line);
    }

    @After
    public void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    public void pluginWhenHostExportsEveryRequiredImportThenResolves() throws Exception {
        Set<String> required = requiredImports();
        List<Bundle> apis = installApis(line);
        Set<String> exports = withoutJdkPackages(required);
        exports.removeAll(exportedBy(apis));
        Bundle host = install(hostBundle(exports));
        Bundle plugin = install(jar.path().toFile());
        List<Bundle> all = new ArrayList<>(apis);
        all.add(host);
        all.add(plugin);

        boolean resolved = framework.adapt(FrameworkWiring.class).resolveBundles(all);

        assertTrue(line + " jar did not resolve against " + apis + " and a host exporting " + exports + " (its "
                + "required imports that neither the JDK nor the API bundles supply; optional imports left out): "
                + whyUnresolved(plugin), resolved);
        assertEquals("plugin bundle state", Bundle.RESOLVED, plugin.getState());
        Set<String> wired = new TreeSet<>();
        List<String> fromApis = new ArrayList<>();
        for (BundleWire wire : plugin.adapt(BundleWiring.class).getRequiredWires(PACKAGE_NAMESPACE)) {
            String pkg = (String) wire.getCapability().getAttributes().get(PACKAGE_NAMESPACE);
            Bundle provider = wire.getProvider().getBundle();
            assertTrue(pkg + " wired from " + provider, provider.equals(host) || apis.contains(provider)
                    || provider.getBundleId() == 0);
            if (apis.contains(provider)) {
                fromApis.add(pkg + " " + wire.getCapability().getAttributes().get("version") + " from "
                        + provider.getSymbolicName() + " " + provider.getVersion());
            }
            wired.add(pkg);
        }
        assertEquals("packages wired to the plugin", required, wired);
        for (String api : line.renamedApis()) {
            if (api.endsWith(".servlet") || api.endsWith(".ws.rs")) {
                assertTrue(line + ": " + api + " should come from its API bundle: " + fromApis,
                        fromApis.stream().anyMatch(w -> w.startsWith(api + " ") || w.startsWith(api + ".")));
            }
        }
        System.out.println("[" + line + "] resolved; API packages wired: " + fromApis);
    }

    /**
     * Each jar needs its own line's APIs: the jira9 jar does not resolve against Jira 11's Jakarta bundles, the
     * jira10 jar not against JAX-RS 1.1 (its range is [2.0,3)), the jira11 jar not against Jira 10's javax bundles.
     */
    @Test
    public void pluginWhenHostHasAnotherLinesApisThenDoesNotResolve() throws Exception {
        JiraLine other = line == JiraLine.JIRA9 ? JiraLine.JIRA11 : line == JiraLine.JIRA10 ? JiraLine.JIRA9
                : JiraLine.JIRA10;
        Set<String> required = requiredImports();
        List<Bundle> apis = installApis(other);
        Set<String> exports = withoutJdkPackages(required);
        // The servlet and JAX-RS APIs come only from the other line's bundles; everything else is there.
        exports.removeIf(pkg -> pkg.startsWith(line.namespace() + ".servlet") || pkg.startsWith(line.jaxRsPackage()));
        exports.removeAll(exportedBy(apis));
        Bundle host = install(hostBundle(exports));
        Bundle plugin = install(jar.path().toFile());
        List<Bundle> all = new ArrayList<>(apis);
        all.add(host);
        all.add(plugin);

        boolean resolved = framework.adapt(FrameworkWiring.class).resolveBundles(all);

        assertFalse(line + " jar resolved against " + other + "'s API bundles " + apis, resolved);
        String why = whyUnresolved(plugin);
        boolean named = line == JiraLine.JIRA10 ? why.contains("javax.ws.rs")
                : why.contains(line.namespace() + ".servlet") || why.contains(line.jaxRsPackage());
        assertTrue("the resolver should name the line's servlet or JAX-RS package, but said: " + why, named);
    }

    @Test
    public void pluginWhenHostLacksActiveObjectsThenDoesNotResolve() throws Exception {
        List<Bundle> apis = installApis(line);
        Set<String> exports = withoutJdkPackages(requiredImports());
        exports.removeAll(exportedBy(apis));
        assertTrue("precondition: the plugin requires " + ACTIVE_OBJECTS + "; Import-Package: "
                + jar.header("Import-Package"), exports.remove(ACTIVE_OBJECTS));
        Bundle host = install(hostBundle(exports));
        Bundle plugin = install(jar.path().toFile());
        List<Bundle> all = new ArrayList<>(apis);
        all.add(host);
        all.add(plugin);

        boolean resolved = framework.adapt(FrameworkWiring.class).resolveBundles(all);

        assertFalse("plugin resolved although the host does not export " + ACTIVE_OBJECTS, resolved);
        assertEquals("plugin bundle state", Bundle.INSTALLED, plugin.getState());
        assertEquals("host bundle state (it has no requirements)", Bundle.RESOLVED, host.getState());
        String why = whyUnresolved(plugin);
        assertTrue("the resolver should name the missing package, but said: " + why, why.contains(ACTIVE_OBJECTS));
    }

    /** The API bundles of {@code apisOf}'s line (target/osgi-host/&lt;line&gt;), installed. */
    private List<Bundle> installApis(JiraLine apisOf) throws Exception {
        String property = System.getProperty("pat.osgiHost");
        assertNotNull("system property pat.osgiHost is not set: run through failsafe (mvn verify)", property);
        Path dir = Paths.get(property, apisOf.id());
        assertTrue(dir + " is missing: mvn verify copies the API bundles first", Files.isDirectory(dir));
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
        assertFalse("no API bundles in " + dir, jars.isEmpty());
        List<Bundle> bundles = new ArrayList<>();
        for (Path api : jars) {
            bundles.add(install(api.toFile()));
        }
        return bundles;
    }

    /** The packages these bundles' manifests export. */
    private static Set<String> exportedBy(List<Bundle> bundles) {
        Set<String> packages = new TreeSet<>();
        for (Bundle bundle : bundles) {
            packages.addAll(OsgiHeader.parse(bundle.getHeaders().get(Constants.EXPORT_PACKAGE)).paths());
        }
        return packages;
    }

    /**
     * {@code packages} less those the framework's system bundle exports (the JDK's {@code javax.*} and the like):
     * in Jira, too, those come from the system bundle, not from a Jira bundle.
     */
    private Set<String> withoutJdkPackages(Set<String> packages) throws Exception {
        if (framework == null) {
            framework = startFramework();
        }
        Set<String> rest = new TreeSet<>(packages);
        for (BundleCapability export : framework.adapt(BundleWiring.class).getCapabilities(PACKAGE_NAMESPACE)) {
            rest.remove((String) export.getAttributes().get(PACKAGE_NAMESPACE));
        }
        return rest;
    }

    /** Import-Package entries without resolution:=optional; these are what a host must export. */
    private Set<String> requiredImports() {
        Set<String> required = new TreeSet<>();
        for (OsgiHeader.Clause clause : jar.importPackage().clauses()) {
            if (clause.isOptional()) {
                continue;
            }
            for (String pkg : clause.paths()) {
                if (pkg.contains("*")) {
                    fail("a required wildcard import cannot be checked against a host: " + clause);
                }
                required.add(pkg);
            }
        }
        assertFalse("the plugin imports nothing: Import-Package is " + jar.header("Import-Package"),
                required.isEmpty());
        return required;
    }

    private Bundle install(File bundleJar) throws Exception {
        if (framework == null) {
            framework = startFramework();
        }
        return framework.getBundleContext().installBundle(bundleJar.toURI().toString());
    }

    private Framework startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.newFolder("felix-cache").getAbsolutePath());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // Keep the JVM-wide URL handler factories untouched (several frameworks run in one test JVM).
        config.put("felix.service.urlhandlers", "false");
        config.put("felix.log.level", "1");
        Framework felix = new FrameworkFactory().newFramework(config);
        felix.start();
        return felix;
    }

    /** A manifest-only bundle standing in for Jira, exporting {@code packages}. */
    private File hostBundle(Set<String> packages) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, "test.host");
        main.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        if (!packages.isEmpty()) {
            main.putValue(Constants.EXPORT_PACKAGE, String.join(",", packages));
        }
        File file = tmp.newFile("test-host-" + System.nanoTime() + ".jar");
        try (OutputStream out = new FileOutputStream(file)) {
            new JarOutputStream(out, manifest).close();
        }
        return file;
    }

    /** The resolver's explanation: starting an unresolved bundle reports the unresolved requirements. */
    private static String whyUnresolved(Bundle plugin) {
        if (plugin.getState() != Bundle.INSTALLED) {
            return "state " + plugin.getState();
        }
        try {
            plugin.start(Bundle.START_TRANSIENT);
            plugin.stop(Bundle.STOP_TRANSIENT);
            return "resolved on start";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }
}
