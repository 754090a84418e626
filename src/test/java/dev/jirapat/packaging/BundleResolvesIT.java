package dev.jirapat.packaging;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.After;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The built jar in a real OSGi framework (Apache Felix, as in Jira), next to a stand-in for Jira: a bundle that
 * exports the packages the plugin imports. Resolving only; SpringExtenderIT starts the bundle under the Spring
 * extender.
 */
public class BundleResolvesIT {

    private static final String ACTIVE_OBJECTS = "com.atlassian.activeobjects.external";
    private static final String PACKAGE_NAMESPACE = "osgi.wiring.package";

    private static PluginJar jar;

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();

    private Framework framework;

    @BeforeClass
    public static void openBuiltJar() throws Exception {
        jar = PluginJar.built();
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
        Set<String> exports = withoutJdkPackages(required);
        Bundle host = install(hostBundle(exports));
        Bundle plugin = install(jar.path().toFile());

        boolean resolved = framework.adapt(FrameworkWiring.class).resolveBundles(Arrays.asList(host, plugin));

        assertTrue("plugin did not resolve against a host exporting " + exports + " (its required imports "
                + "that the JDK does not supply; optional imports left out): " + whyUnresolved(plugin), resolved);
        assertEquals("plugin bundle state", Bundle.RESOLVED, plugin.getState());
        Set<String> wired = new TreeSet<>();
        for (BundleWire wire : plugin.adapt(BundleWiring.class).getRequiredWires(PACKAGE_NAMESPACE)) {
            String pkg = (String) wire.getCapability().getAttributes().get(PACKAGE_NAMESPACE);
            Bundle provider = wire.getProvider().getBundle();
            assertTrue(pkg + " wired from " + provider, provider.equals(host) || provider.getBundleId() == 0);
            wired.add(pkg);
        }
        assertEquals("packages wired to the plugin", required, wired);
    }

    @Test
    public void pluginWhenHostLacksActiveObjectsThenDoesNotResolve() throws Exception {
        Set<String> exports = withoutJdkPackages(requiredImports());
        assertTrue("precondition: the plugin requires " + ACTIVE_OBJECTS + "; Import-Package: "
                + jar.header("Import-Package"), exports.remove(ACTIVE_OBJECTS));
        Bundle host = install(hostBundle(exports));
        Bundle plugin = install(jar.path().toFile());

        boolean resolved = framework.adapt(FrameworkWiring.class).resolveBundles(Arrays.asList(host, plugin));

        assertFalse("plugin resolved although the host does not export " + ACTIVE_OBJECTS, resolved);
        assertEquals("plugin bundle state", Bundle.INSTALLED, plugin.getState());
        assertEquals("host bundle state (it has no requirements)", Bundle.RESOLVED, host.getState());
        String why = whyUnresolved(plugin);
        assertTrue("the resolver should name the missing package, but said: " + why, why.contains(ACTIVE_OBJECTS));
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
    private static Set<String> requiredImports() {
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
