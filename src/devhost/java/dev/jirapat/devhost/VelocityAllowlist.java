package dev.jirapat.devhost;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Jira 10's Velocity method allowlist as the dev host enforces it, on every line: a template may call a method
 * only when (a) it is a plugin class's method listed, in Atlassian's entry format
 * {@code fq.Class#method(fq.ParamType,...)}, in the descriptor's {@code <velocity-allowlist>} modules, or (b) it is
 * on the host's global list ({@value #GLOBAL_LIST}), which stands in for the product's own list (that one is not
 * published and not available here). Anything else is blocked: logged as {@code Method needs allowlisting: ...}
 * and collected, so test hosts can fail on it.
 *
 * <p>Matching. A plugin entry must name the class that declares the method Velocity resolved, exactly, with the
 * exact parameter types: Atlassian's published entries name concrete declaring classes, and a plugin may only list
 * its own classes (entries naming other classes are ignored). A global entry {@code T#m(P)} allows m(P) on any
 * instance of T (so {@code java.util.Map#get(java.lang.Object)} covers every map), except where a plugin class
 * declares the method: what the plugin implements always needs its own entry. Stricter than the product may be;
 * never looser, as far as the published rules go.
 */
public final class VelocityAllowlist {
    /** The stand-in for the product's global list, one entry a line, {@code #} starts a comment line. */
    static final String GLOBAL_LIST = "devhost/velocity-global-allowlist.txt";
    /** One entry: {@code fq.Class#method()} or {@code fq.Class#method(fq.Type,fq.Type[])}, no spaces. */
    public static final Pattern ENTRY = Pattern.compile(
            "([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)#([A-Za-z_$][\\w$]*)\\(((?:[\\w$.]+(?:\\[\\])*)(?:,[\\w$.]+(?:\\[\\])*)*)?\\)");
    private static final Logger LOG = Logger.getLogger(VelocityAllowlist.class.getName());

    private final Set<String> pluginEntries;
    private final List<Global> global;
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private VelocityAllowlist(Set<String> pluginEntries, List<Global> global) {
        this.pluginEntries = pluginEntries;
        this.global = global;
    }

    /** The plugin's entries (from its descriptor's {@code <velocity-allowlist>} modules) plus the global list. */
    public static VelocityAllowlist of(List<String> pluginEntries) {
        Set<String> own = new LinkedHashSet<>();
        for (String entry : pluginEntries) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new DevHostException("<velocity-allowlist>: \"" + entry + "\" is not an entry of the form fq.Class#method(fq.ParamType,...)");
            }
            if (isPluginClass(m.group(1))) {
                own.add(entry);
            } else {
                LOG.warning("<velocity-allowlist>: " + entry + " is ignored: a plugin can only allowlist its own classes");
            }
        }
        return new VelocityAllowlist(Collections.unmodifiableSet(own), loadGlobal());
    }

    /** The {@code <method>} entries of every {@code <velocity-allowlist>} module in a descriptor, trimmed, in order. */
    public static List<String> entriesOf(InputStream descriptor) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(descriptor);
            List<String> entries = new ArrayList<>();
            NodeList modules = doc.getDocumentElement().getElementsByTagName("velocity-allowlist");
            for (int i = 0; i < modules.getLength(); i++) {
                NodeList methods = ((Element) modules.item(i)).getElementsByTagName("method");
                for (int j = 0; j < methods.getLength(); j++) {
                    entries.add(methods.item(j).getTextContent().trim());
                }
            }
            return entries;
        } catch (Exception e) {
            throw new DevHostException("The descriptor's <velocity-allowlist> cannot be read: " + e, e);
        }
    }

    /** Same, from bytes (the host reads its descriptor once). */
    static List<String> entriesOf(byte[] descriptor) {
        return entriesOf(new ByteArrayInputStream(descriptor));
    }

    /**
     * A class of the plugin: under {@code dev.jirapat}, except the dev host itself, which stands in for the product;
     * the dev host's fixture plugin ({@code dev.jirapat.devhost.fixture}) is a plugin of its own.
     */
    public static boolean isPluginClass(String className) {
        return className.startsWith("dev.jirapat.")
                && (!className.startsWith("dev.jirapat.devhost.") || className.startsWith("dev.jirapat.devhost.fixture."));
    }

    /** The entry that allows {@code method}: its declaring class, name and parameter types, Atlassian's format. */
    public static String entry(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).collect(Collectors.joining(",")) + ")";
    }

    /** Whether a template may call {@code method} on an instance of {@code target}. */
    boolean allows(Class<?> target, Method method) {
        boolean declaredByPlugin = isPluginClass(method.getDeclaringClass().getName());
        if (declaredByPlugin) {
            return pluginEntries.contains(entry(method));
        }
        for (Global g : global) {
            if (g.matches(target, method)) {
                return true;
            }
        }
        return false;
    }

    /** Checks one call; a blocked one is logged and collected. {@code where}: template, line and column. */
    boolean check(Class<?> target, Method method, String where) {
        if (allows(target, method)) {
            return true;
        }
        block(entry(method), where);
        return false;
    }

    /** A call that cannot be allowed at all (a static method through a Class object, a method on an array). */
    void block(String call, String where) {
        String violation = "Method needs allowlisting: " + call + " (" + where + ")";
        LOG.warning(violation);
        violations.add(violation);
    }

    /** Every blocked call since the host started (or since {@link #clearViolations()}), in order. */
    public List<String> violations() {
        return Collections.unmodifiableList(new ArrayList<>(violations));
    }

    /** For a test that blocks a call on purpose and then checks the rest. */
    public void clearViolations() {
        violations.clear();
    }

    /** The plugin's own entries in effect (those naming plugin classes). */
    public Set<String> pluginEntries() {
        return pluginEntries;
    }

    private static List<Global> loadGlobal() {
        InputStream in = VelocityAllowlist.class.getClassLoader().getResourceAsStream(GLOBAL_LIST);
        if (in == null) {
            throw new DevHostException(GLOBAL_LIST + " is not on the classpath");
        }
        List<Global> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    entries.add(Global.parse(line));
                }
            }
        } catch (IOException e) {
            throw new DevHostException(GLOBAL_LIST + " cannot be read: " + e, e);
        }
        return Collections.unmodifiableList(entries);
    }

    /** A global entry, resolved: it must name a public method that exists, or the host does not start. */
    private static final class Global {
        final Class<?> type;
        final Method method;

        private Global(Class<?> type, Method method) {
            this.type = type;
            this.method = method;
        }

        static Global parse(String entry) {
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new DevHostException(GLOBAL_LIST + ": \"" + entry + "\" is not of the form fq.Class#method(fq.ParamType,...)");
            }
            try {
                Class<?> type = Class.forName(m.group(1), false, VelocityAllowlist.class.getClassLoader());
                List<Class<?>> params = new ArrayList<>();
                if (m.group(3) != null) {
                    for (String p : m.group(3).split(",")) {
                        params.add(typeOf(p));
                    }
                }
                return new Global(type, type.getMethod(m.group(2), params.toArray(new Class<?>[0])));
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                throw new DevHostException(GLOBAL_LIST + ": \"" + entry + "\" names no public method: " + e, e);
            }
        }

        boolean matches(Class<?> target, Method called) {
            return type.isAssignableFrom(target) && method.getName().equals(called.getName())
                    && Arrays.equals(method.getParameterTypes(), called.getParameterTypes());
        }
    }

    /** A parameter type as an entry writes it: a primitive, a class name, either with {@code []} suffixes. */
    public static Class<?> typeOf(String name) throws ClassNotFoundException {
        if (name.endsWith("[]")) {
            return java.lang.reflect.Array.newInstance(typeOf(name.substring(0, name.length() - 2)), 0).getClass();
        }
        switch (name) {
            case "boolean": return boolean.class;
            case "byte": return byte.class;
            case "char": return char.class;
            case "short": return short.class;
            case "int": return int.class;
            case "long": return long.class;
            case "float": return float.class;
            case "double": return double.class;
            default: return Class.forName(name, false, VelocityAllowlist.class.getClassLoader());
        }
    }
}
