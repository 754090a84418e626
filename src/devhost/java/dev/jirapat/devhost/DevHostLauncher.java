package dev.jirapat.devhost;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@code mvn -Prun} runs inside Maven's JVM ({@code exec:java}): it starts the dev host in a JVM of its own
 * and hands it every {@code -D} property given to Maven whose name starts with {@code atlassian.pats.},
 * {@code dev.jirapat.} or {@code pat.} (so {@code mvn -Prun -Datlassian.pats.max.tokens.per.user=3} reaches the
 * host as a JVM flag, as an admin sets it on a real Jira), with the classpath Maven gave this class. Ctrl-C stops
 * both; a host that exits with an error ends Maven with its exit code.
 *
 * <p>Arguments: the host JVM's options, then its main class, e.g.
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED dev.jirapat.devhost.DevHost}.
 */
public final class DevHostLauncher {
    /** Names of the properties the host JVM receives from Maven's: those starting with one of these. */
    public static final List<String> FORWARDED_PREFIXES =
            Collections.unmodifiableList(Arrays.asList("atlassian.pats.", "dev.jirapat.", "pat."));

    private DevHostLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new DevHostException("DevHostLauncher needs the host's main class as its last argument");
        }
        Platform line;
        String classpath;
        try {
            line = Platform.fromProperty();
            classpath = lineClasspath(line, classpath(Thread.currentThread().getContextClassLoader()));
        } catch (DevHostException e) {
            System.err.println("[devhost] " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("[devhost] starting the Jira " + line.jira() + " line (-D" + Platform.PROPERTY + "=9, 10 or 11)");
        List<String> command = command(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                classpath, System.getProperties(), Arrays.asList(args));
        Process host = new ProcessBuilder(command).inheritIO().start();
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            host.destroy(); // SIGTERM: the host runs its own shutdown hook and closes its database
            try {
                if (!host.waitFor(30, TimeUnit.SECONDS)) {
                    host.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "devhost-launcher-stop"));
        int code = host.waitFor();
        if (code != 0 && !stopping.get()) {
            System.exit(code); // the host has said why in one line; no Maven stack trace after it
        }
    }

    /**
     * The host JVM's command line: {@code java}, the given JVM options, one {@code -Dname=value} for each property
     * to forward (sorted by name), {@code -classpath}, the main class (the last element of {@code optionsAndMainClass}).
     * Each element is one argument: values with spaces, quotes or {@code =} need no quoting.
     */
    public static List<String> command(String java, String classpath, Properties properties, List<String> optionsAndMainClass) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(optionsAndMainClass.subList(0, optionsAndMainClass.size() - 1));
        for (Map.Entry<String, String> p : forwarded(properties).entrySet()) {
            command.add("-D" + p.getKey() + "=" + p.getValue());
        }
        command.add("-classpath");
        command.add(classpath);
        command.add(optionsAndMainClass.get(optionsAndMainClass.size() - 1));
        return command;
    }

    /** The properties whose names start with one of {@link #FORWARDED_PREFIXES}, sorted by name. */
    public static Map<String, String> forwarded(Properties properties) {
        Map<String, String> out = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            for (String prefix : FORWARDED_PREFIXES) {
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    out.put(name, properties.getProperty(name));
                    break;
                }
            }
        }
        return out;
    }

    /** Jars only the Jira 9 line's host may see: REST v1 (Jersey 1, JAX-RS 1.1, Jackson 1's JAX-RS provider). */
    static final List<String> REST_V1_JARS = Collections.unmodifiableList(Arrays.asList(
            "/com/sun/jersey/", "/javax/ws/rs/jsr311-api/", "/org/codehaus/jackson/jackson-jaxrs/"));
    /** Jars only the Jira 10 line's host may see: REST v2 (Jersey 2, JAX-RS 2.1); both share javax.ws.rs. */
    static final List<String> REST_V2_JARS = Collections.unmodifiableList(Arrays.asList(
            "/org/glassfish/jersey/", "/jakarta/ws/rs/jakarta.ws.rs-api/"));

    /**
     * The test classpath Maven gave, less the other line's REST stack (by their Maven repository paths), as the
     * failsafe executions do with classpathDependencyExcludes. The Jira 11 line runs the transformed (jakarta)
     * classes on its own libraries: {@link #jakartaClasspath}, from what the run profile names.
     */
    static String lineClasspath(Platform line, String classpath) {
        List<String> drop;
        switch (line) {
            case NINE:
                drop = REST_V2_JARS;
                break;
            case TEN:
                drop = REST_V1_JARS;
                break;
            default:
                return jakartaClasspath(classpath, System.getProperty(JAKARTA_CLASSPATH), System.getProperty(JAKARTA_EXCLUDES));
        }
        List<String> kept = new ArrayList<>();
        for (String entry : classpath.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            String path = entry.replace(File.separatorChar, '/');
            if (drop.stream().noneMatch(path::contains)) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /**
     * The run profile's class path entries for the Jira 11 line, placed first: the dev host and tests renamed to
     * jakarta, the jira11 jar, the renamed host API slice, and {@code <dir>/*} for the line's libraries (the java
     * launcher expands it).
     */
    static final String JAKARTA_CLASSPATH = "devhost.jira11.classpath";
    /**
     * What the Jira 11 line leaves out of Maven's class path, comma-separated: {@code groupId:artifactId} of the javax
     * lines' libraries ({@code *} for any artifact; matched by their Maven repository paths), and directories (the
     * javax classes themselves). The same list as the integration-jira11 test execution's.
     */
    static final String JAKARTA_EXCLUDES = "devhost.jira11.excludes";

    /**
     * The Jira 11 line's class path: {@code front} (checked to exist: the run profile builds it in the package phase),
     * then every entry of Maven's class path that {@code excludes} does not name.
     */
    static String jakartaClasspath(String classpath, String front, String excludes) {
        if (front == null || front.trim().isEmpty() || excludes == null) {
            throw new DevHostException("The Jira 11 line starts from mvn -Prun, which names its class path (-D"
                    + JAKARTA_CLASSPATH + ", -D" + JAKARTA_EXCLUDES + "); or give -D" + Platform.PROPERTY + "=10 or =9");
        }
        List<String> out = new ArrayList<>();
        for (String entry : front.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            File f = new File(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry);
            if (!f.exists() || (entry.endsWith("*") && (f.list() == null || f.list().length == 0))) {
                throw new DevHostException("The Jira 11 line needs " + entry + ", which the build makes in its package "
                        + "phase: start it with mvn -Prun (not exec:java alone)");
            }
            out.add(entry);
        }
        List<String> fragments = new ArrayList<>();
        List<java.nio.file.Path> dirs = new ArrayList<>();
        for (String x : excludes.split(",")) {
            String e = x.trim();
            if (e.isEmpty()) {
                continue;
            }
            if (e.indexOf('/') >= 0 || e.indexOf(File.separatorChar) >= 0) {
                dirs.add(Paths.get(e).toAbsolutePath().normalize());
            } else {
                String[] ga = e.split(":");
                if (ga.length != 2) {
                    throw new DevHostException("-D" + JAKARTA_EXCLUDES + ": " + e + " is not groupId:artifactId");
                }
                fragments.add("/" + ga[0].replace('.', '/') + "/" + ("*".equals(ga[1]) ? "" : ga[1] + "/"));
            }
        }
        for (String entry : classpath.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            String path = entry.replace(File.separatorChar, '/');
            if (entry.isEmpty() || fragments.stream().anyMatch(path::contains)
                    || dirs.contains(Paths.get(entry).toAbsolutePath().normalize())) {
                continue;
            }
            out.add(entry);
        }
        return String.join(File.pathSeparator, out);
    }

    /**
     * The classpath of this class loader and its parents up to the system class loader ({@code exec:java} runs this
     * class in a {@link URLClassLoader} with the project's test classpath), else {@code java.class.path}.
     */
    static String classpath(ClassLoader loader) {
        List<String> entries = new ArrayList<>();
        for (ClassLoader l = loader; l != null && l != ClassLoader.getSystemClassLoader(); l = l.getParent()) {
            if (l instanceof URLClassLoader) {
                for (URL url : ((URLClassLoader) l).getURLs()) {
                    try {
                        entries.add(new File(url.toURI()).getPath());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        throw new DevHostException("Cannot put " + url + " on the dev host's classpath", e);
                    }
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(File.pathSeparator, entries);
    }
}
