package dev.jirapat.packaging;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The plugin jar that {@code mvn package} built, read once into memory: entries, manifest, class references. Its
 * path comes from the {@code pat.jar} system property that failsafe sets (see pom.xml).
 */
final class PluginJar {

    private static final Pattern PACKAGE_DECLARATION = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    private final Path path;
    private final Map<String, byte[]> entries;
    private final Manifest manifest;
    private final Set<String> ownPackages = new TreeSet<>();

    private PluginJar(Path path, Map<String, byte[]> entries, Manifest manifest) {
        this.path = path;
        this.entries = entries;
        this.manifest = manifest;
        classFiles().keySet().forEach(name -> ownPackages.add(ClassReferences.packageOf(className(name))));
    }

    /** Each line's jar, read once per JVM. */
    private static final Map<JiraLine, PluginJar> LINES = new java.util.EnumMap<>(JiraLine.class);

    /**
     * The jar named by {@code pat.jar}: the line a failsafe execution runs (the jira9 jar unless the execution
     * says otherwise); fails the calling test with the reason when it is not there.
     */
    static PluginJar built() throws IOException {
        return read("pat.jar");
    }

    /** The jar built for {@code line}, named by {@code pat.jar.<line>}. */
    static synchronized PluginJar of(JiraLine line) throws IOException {
        PluginJar jar = LINES.get(line);
        if (jar == null) {
            jar = read("pat.jar." + line.id());
            LINES.put(line, jar);
        }
        return jar;
    }

    /** The line whose jar {@code pat.jar} names (failsafe's executions set it to one of the three). */
    static JiraLine builtLine() {
        String jar = String.valueOf(System.getProperty("pat.jar"));
        for (JiraLine line : JiraLine.values()) {
            if (jar.equals(System.getProperty("pat.jar." + line.id()))) {
                return line;
            }
        }
        throw new AssertionError("pat.jar=" + jar + " is none of pat.jar.jira9/10/11: set them in failsafe");
    }

    private static PluginJar read(String propertyName) throws IOException {
        String property = System.getProperty(propertyName);
        assertNotNull("system property " + propertyName + " is not set: run the packaging tests through failsafe "
                + "(mvn verify), which passes the path of the built jar", property);
        Path path = Paths.get(property);
        assertTrue(propertyName + "=" + path + " does not exist: run mvn package first", Files.isRegularFile(path));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(path.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                try (InputStream in = jar.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
            Manifest manifest = jar.getManifest();
            assertNotNull(path + " has no META-INF/MANIFEST.MF", manifest);
            return new PluginJar(path, Collections.unmodifiableMap(entries), manifest);
        }
    }

    /** {@code pat.version}, the Maven project version failsafe passes. */
    static String projectVersion() {
        String version = System.getProperty("pat.version");
        assertNotNull("system property pat.version is not set: run through failsafe (mvn verify)", version);
        return version;
    }

    /** The project directory: {@code basedir} as surefire/failsafe set it, else the working directory. */
    static Path projectDir() {
        return Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    /** Every package declared by our Atlassian API declarations under {@code src/host-api/java}. */
    static Set<String> hostApiPackages() throws IOException {
        Path root = projectDir().resolve("src/host-api/java");
        assertTrue("host API sources not found at " + root.toAbsolutePath(), Files.isDirectory(root));
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                Matcher m = PACKAGE_DECLARATION.matcher(Files.readString(file, StandardCharsets.UTF_8));
                if (!m.find()) {
                    fail(file + " declares no package");
                }
                packages.add(m.group(1));
            }
        }
        assertTrue("no host API declarations found under " + root, !packages.isEmpty());
        return packages;
    }

    Path path() {
        return path;
    }

    /** A copy of this jar in {@code target}, with the entry {@code name} replaced by {@code text}. */
    File withEntry(String name, String text, File target) throws IOException {
        assertTrue(name + " is not in " + path, entries.containsKey(name));
        return copy(manifest, name, text.getBytes(StandardCharsets.UTF_8), target);
    }

    /**
     * A copy whose Import-Package no longer names {@code pkg}: its classes still use the package, its manifest no
     * longer says so (a package forgotten in the build's import list).
     */
    File withoutImport(String pkg, File target) throws IOException {
        String header = manifest.getMainAttributes().getValue("Import-Package");
        List<String> clauses = OsgiHeader.splitOutsideQuotes(header, ',');
        List<String> kept = new ArrayList<>();
        for (String clause : clauses) {
            if (!OsgiHeader.parse(clause).paths().equals(List.of(pkg))) {
                kept.add(clause);
            }
        }
        assertEquals("clauses of Import-Package naming only " + pkg + " in " + header, clauses.size() - 1, kept.size());
        Manifest changed = new Manifest(manifest);
        changed.getMainAttributes().putValue("Import-Package", String.join(",", kept));
        return copy(changed, null, null, target);
    }

    private File copy(Manifest withManifest, String replaced, byte[] replacement, File target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target.toPath());
             JarOutputStream copy = new JarOutputStream(out, withManifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                if (entry.getKey().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                copy.putNextEntry(new JarEntry(entry.getKey()));
                copy.write(entry.getKey().equals(replaced) ? replacement : entry.getValue());
            }
        }
        return target;
    }

    Set<String> entryNames() {
        return entries.keySet();
    }

    boolean has(String entryName) {
        return entries.containsKey(entryName);
    }

    /** The entry's bytes; fails when it is absent. */
    byte[] bytes(String entryName) {
        byte[] bytes = entries.get(entryName);
        assertNotNull(entryName + " is not in " + path, bytes);
        return bytes.clone();
    }

    /** The entry as UTF-8 text; fails when it is absent. */
    String text(String entryName) {
        byte[] bytes = entries.get(entryName);
        assertNotNull(entryName + " is not in " + path, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@code a/b/C$D.class} to {@code a.b.C$D}. */
    private static String className(String entryName) {
        return entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.');
    }

    /** Whether the jar carries the class with this binary name ({@code a.b.C$D}). */
    boolean hasClass(String binaryName) {
        return has(binaryName.replace('.', '/') + ".class");
    }

    /** The main manifest attribute, or null. */
    String header(String name) {
        return manifest.getMainAttributes().getValue(name);
    }

    Attributes mainAttributes() {
        return manifest.getMainAttributes();
    }

    OsgiHeader importPackage() {
        return OsgiHeader.parse(header("Import-Package"));
    }

    /** Class file bytes by entry name. */
    Map<String, byte[]> classFiles() {
        Map<String, byte[]> classes = new TreeMap<>();
        entries.forEach((name, bytes) -> {
            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                classes.put(name, bytes);
            }
        });
        return classes;
    }

    /** The dotted packages that hold the jar's classes. */
    Set<String> ownPackages() {
        return Collections.unmodifiableSet(ownPackages);
    }

    /** Every package some class in the jar references, with the classes that reference it. */
    Map<String, Set<String>> referencedPackages() {
        Map<String, Set<String>> users = new TreeMap<>();
        classFiles().forEach((name, bytes) -> ClassReferences.packagesReferencedBy(bytes)
                .forEach(pkg -> users.computeIfAbsent(pkg, p -> new TreeSet<>()).add(name)));
        return users;
    }

    /**
     * Whether a class in package {@code pkg} can be loaded by the bundle in OSGi: the JDK's {@code java.*} (always
     * delegated to the boot loader), a package inside the jar, or an imported one.
     */
    boolean canSee(String pkg) {
        return pkg.equals("java") || pkg.startsWith("java.") || ownPackages.contains(pkg)
                || importPackage().imports(pkg);
    }

    /**
     * The OSGi form of a Maven version, as maven-bundle-plugin writes it: {@code 1.2.3-SNAPSHOT} becomes
     * {@code 1.2.3.SNAPSHOT}, missing numbers become 0, qualifier characters outside {@code [A-Za-z0-9_-]} become
     * {@code _}.
     */
    static String osgiVersion(String mavenVersion) {
        Matcher m = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[.-](.*))?").matcher(mavenVersion);
        if (!m.matches()) {
            return "0.0.0." + mavenVersion.replaceAll("[^A-Za-z0-9_-]", "_");
        }
        String version = m.group(1) + "." + (m.group(2) == null ? "0" : m.group(2)) + "."
                + (m.group(3) == null ? "0" : m.group(3));
        return m.group(4) == null ? version : version + "." + m.group(4).replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
