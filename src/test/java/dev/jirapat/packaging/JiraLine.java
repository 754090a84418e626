package dev.jirapat.packaging;

import dev.jirapat.devhost.Platform;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Jira lines the build makes a jar for (docs/platforms.md): each jar's failsafe property, the namespace of its
 * servlet, JAX-RS, inject and mail APIs, and the oldest Java its Jira runs on.
 */
enum JiraLine {
    /** Jira 8.20-9.x: REST v1 (JAX-RS 1.1), javax; Jira 8.20 still runs on Java 8. */
    JIRA9(Platform.NINE, "jira9", "javax", 8),
    /** Jira 10.x: REST v2 (JAX-RS 2), javax; Java 17. */
    JIRA10(Platform.TEN, "jira10", "javax", 17),
    /** Jira 11.x: REST v2 (JAX-RS 3.1), Jakarta EE 10; Java 21. */
    JIRA11(Platform.ELEVEN, "jira11", "jakarta", 21);

    private final Platform platform;
    private final String id;
    private final String namespace;
    private final int java;

    JiraLine(Platform platform, String id, String namespace, int java) {
        this.platform = platform;
        this.id = id;
        this.namespace = namespace;
        this.java = java;
    }

    /** {@code jira9}, {@code jira10}, {@code jira11}: the jar's classifier and the suffix of its failsafe property. */
    String id() {
        return id;
    }

    /** {@code javax} or {@code jakarta}: the prefix of the servlet, JAX-RS, inject and mail packages on this line. */
    String namespace() {
        return namespace;
    }

    /** The packages the Jakarta rename moves: servlet, JAX-RS, inject and mail, in this line's namespace. */
    List<String> renamedApis() {
        return Arrays.asList(namespace + ".servlet", namespace + ".ws.rs", namespace + ".inject", namespace + ".mail");
    }

    String jaxRsPackage() {
        return namespace + ".ws.rs";
    }

    String injectPackage() {
        return namespace + ".inject";
    }

    /** The oldest Java feature release this line's Jira runs on. */
    int java() {
        return java;
    }

    /** The newest class file major version that Java runs (Java 8 = 52, 17 = 61, 21 = 65). */
    int maxClassVersion() {
        return java + 44;
    }

    /** Whether Jira on this line enforces REST v2's secure-by-default access and the Velocity allowlist. */
    boolean securedByDefault() {
        return platform.secureByDefault(); // the dev host's line decides it, for the host and these tests alike
    }

    /** Rows for JUnit's Parameterized runner: one per line. */
    static Collection<Object[]> parameters() {
        return Arrays.stream(values()).map(line -> new Object[] {line}).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return id;
    }
}
