package dev.jirapat.packaging;

import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The dependency rules between the plugin's packages and the dev host, checked on compiled classes with
 * {@link ClassReferences} (every type a class file names, not just its imports). {@link ArchitectureTest} holds the
 * real classes to them; {@link ArchitectureRulesTest} proves that each rule reports a planted violation.
 */
final class Architecture {
    static final String PLUGIN = "dev.jirapat";
    static final String DOMAIN = "dev.jirapat.token";
    static final String STORE = "dev.jirapat.store";
    static final String JIRA = "dev.jirapat.jira";
    static final String ENTITY = "dev.jirapat.store.TokenEntity";
    static final String JIRA_API = "com.atlassian.jira";
    static final String DEV_HOST = "dev.jirapat.devhost";
    /** The adapters around the domain: none may use another. */
    static final List<String> ADAPTERS = Collections.unmodifiableList(java.util.Arrays.asList(
            "dev.jirapat.auth", "dev.jirapat.rest", "dev.jirapat.web", "dev.jirapat.jira", "dev.jirapat.store",
            "dev.jirapat.jobs"));

    private Architecture() {
    }

    /** A compiled class: its binary name ({@code a.b.C$D}) and the binary names of the types it references. */
    static final class ClassFile {
        final String name;
        final Set<String> references;

        ClassFile(String name, Set<String> references) {
            this.name = name;
            this.references = references;
        }

        static ClassFile of(byte[] bytes) {
            String name = new ClassReader(bytes).getClassName().replace('/', '.');
            Set<String> references = new TreeSet<>();
            ClassReferences.typesReferencedBy(bytes).forEach(t -> references.add(t.replace('/', '.')));
            return new ClassFile(name, references);
        }

        String packageName() {
            return ClassReferences.packageOf(name);
        }
    }

    /** One class naming one type a rule forbids it. */
    static final class Violation {
        final String rule;
        final String from;
        final String to;

        Violation(String rule, String from, String to) {
            this.rule = rule;
            this.from = from;
            this.to = to;
        }

        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    enum Rule {
        // javax.crypto is the JDK's too (module java.base): the built-in app's PBKDF2 hashes are verified with it.
        DOMAIN_USES_ONLY_THE_JDK("dev.jirapat.token references nothing but java.* and javax.crypto.* (and itself)") {
            @Override
            boolean forbids(String from, String to) {
                return in(from, DOMAIN) && !to.startsWith("java.") && !to.startsWith("javax.crypto.") && !in(to, DOMAIN);
            }
        },
        ENTITY_STAYS_IN_THE_STORE("the Active Objects entity " + ENTITY + " is referenced only in " + STORE) {
            @Override
            boolean forbids(String from, String to) {
                return isTypeOrNested(to, ENTITY) && !in(from, STORE);
            }
        },
        JIRA_API_ONLY_IN_THE_JIRA_ADAPTER(JIRA_API + " is referenced only in " + JIRA) {
            @Override
            boolean forbids(String from, String to) {
                return in(to, JIRA_API) && !in(from, JIRA);
            }
        },
        DEV_HOST_KNOWS_NO_PLUGIN_PACKAGE("the dev host (" + DEV_HOST + ") references no other " + PLUGIN + " package") {
            @Override
            boolean forbids(String from, String to) {
                return in(from, DEV_HOST) && in(to, PLUGIN) && !in(to, DEV_HOST);
            }
        },
        // Jira 9 exports codehaus Jackson 1, Jira 10 and 11 Jackson 2 (and maybe not Jackson 1): the plugin reads and
        // writes its own JSON, the same bytes on every line.
        NO_HOST_JSON_LIBRARY("no plugin class references Jackson (org.codehaus.jackson, com.fasterxml.jackson)") {
            @Override
            boolean forbids(String from, String to) {
                return in(from, PLUGIN) && !in(from, DEV_HOST)
                        && (in(to, "org.codehaus.jackson") || in(to, "com.fasterxml.jackson"));
            }
        },
        ADAPTERS_ARE_INDEPENDENT("no adapter package (auth, rest, web, jira, store, jobs) references another") {
            @Override
            boolean forbids(String from, String to) {
                String fromAdapter = adapterOf(from);
                String toAdapter = adapterOf(to);
                return fromAdapter != null && toAdapter != null && !fromAdapter.equals(toAdapter);
            }
        };

        final String description;

        Rule(String description) {
            this.description = description;
        }

        abstract boolean forbids(String fromClass, String toType);
    }

    /** Every reference in these classes that the rule forbids, in class order. */
    static List<Violation> check(Rule rule, Collection<ClassFile> classes) {
        List<Violation> found = new ArrayList<>();
        for (ClassFile c : classes) {
            for (String to : c.references) {
                if (!to.equals(c.name) && rule.forbids(c.name, to)) {
                    found.add(new Violation(rule.description, c.name, to));
                }
            }
        }
        return found;
    }

    /** The violating classes, each with what it references, one per line: the whole list at once. */
    static String report(String rule, List<Violation> violations) {
        Map<String, Set<String>> byClass = new TreeMap<>();
        for (Violation v : violations) {
            byClass.computeIfAbsent(v.from, k -> new TreeSet<>()).add(v.to);
        }
        StringBuilder out = new StringBuilder("Rule: " + rule + ". " + byClass.size()
                + " classes break it:");
        byClass.forEach((from, to) -> out.append("\n  ").append(from).append(" -> ").append(String.join(", ", to)));
        return out.toString();
    }

    static Set<String> violatingClasses(List<Violation> violations) {
        return violations.stream().map(v -> topLevel(v.from)).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * What a rule's test does with what it found: {@code CLEAN} passes; {@code KNOWN} (only classes listed as
     * known violators) skips the rule, naming them; {@code NEW} (any other class) fails.
     */
    enum Verdict { CLEAN, KNOWN, NEW }

    static Verdict judge(List<Violation> violations, Set<String> knownViolators) {
        if (violations.isEmpty()) {
            return Verdict.CLEAN;
        }
        return knownViolators.containsAll(violatingClasses(violations)) ? Verdict.KNOWN : Verdict.NEW;
    }

    static final String TIER_RULE = "a test class named *Test or *Properties (mvn test) starts no dev host, servlet"
            + " container or browser, also not through its helpers: name it *IT (mvn verify)";

    /** What starting a server or a browser takes. */
    static boolean startsServerOrBrowser(String type) {
        return type.equals(DEV_HOST + ".DevHost") || in(type, "org.eclipse.jetty.server") || in(type, "org.apache.catalina")
                || in(type, "org.openqa.selenium");
    }

    /**
     * The tier rule on test classes: from each class surefire runs (a top-level {@code *Test} or
     * {@code *Properties}), follows its references through the other test classes and reports the first class on
     * the way that starts a server or a browser.
     */
    static List<Violation> checkTiers(Collection<ClassFile> testClasses) {
        Map<String, ClassFile> all = byName(testClasses);
        List<Violation> found = new ArrayList<>();
        for (ClassFile test : testClasses) {
            String simple = test.name.substring(test.name.lastIndexOf('.') + 1);
            if (simple.contains("$") || !(simple.endsWith("Test") || simple.endsWith("Properties"))) {
                continue;
            }
            Map<String, String> reachedVia = new LinkedHashMap<>();
            java.util.ArrayDeque<ClassFile> queue = new java.util.ArrayDeque<>();
            reachedVia.put(test.name, null);
            queue.add(test);
            search:
            while (!queue.isEmpty()) {
                ClassFile c = queue.poll();
                for (String to : c.references) {
                    if (startsServerOrBrowser(to)) {
                        found.add(new Violation(TIER_RULE, test.name, to + (c == test ? "" : " (through " + c.name + ")")));
                        break search;
                    }
                    ClassFile next = all.get(to);
                    if (next != null && !reachedVia.containsKey(to)) {
                        reachedVia.put(to, c.name);
                        queue.add(next);
                    }
                }
            }
        }
        return found;
    }

    /** Every class file under a directory (e.g. target/classes), optionally only those in one package tree. */
    static List<ClassFile> read(Path classesDirectory, String packagePrefix) {
        Path root = classesDirectory.resolve(packagePrefix.replace('.', '/'));
        if (!Files.isDirectory(root)) {
            return Collections.emptyList();
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<ClassFile> classes = new ArrayList<>();
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                classes.add(ClassFile.of(Files.readAllBytes(file)));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, ClassFile> byName(Collection<ClassFile> classes) {
        Map<String, ClassFile> out = new LinkedHashMap<>();
        classes.forEach(c -> out.put(c.name, c));
        return out;
    }

    static boolean in(String type, String packageName) {
        return type.startsWith(packageName + ".");
    }

    private static boolean isTypeOrNested(String type, String className) {
        return type.equals(className) || type.startsWith(className + "$");
    }

    private static String adapterOf(String type) {
        for (String adapter : ADAPTERS) {
            if (in(type, adapter)) {
                return adapter;
            }
        }
        return null;
    }

    static String topLevel(String binaryName) {
        int dollar = binaryName.indexOf('$');
        return dollar < 0 ? binaryName : binaryName.substring(0, dollar);
    }
}
