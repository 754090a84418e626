package dev.jirapat.packaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OSGi manifest header (Import-Package, Export-Package, ...) parsed per the OSGi Core specification's common
 * header syntax (section 3.2.4 in Release 6): clauses separated by commas outside quotes; in each clause, paths
 * then {@code attr=value} and {@code directive:=value} parameters separated by semicolons outside quotes.
 */
final class OsgiHeader {

    record Clause(List<String> paths, Map<String, String> attributes, Map<String, String> directives) {

        boolean isOptional() {
            return "optional".equals(directives.get("resolution"));
        }
    }

    private final List<Clause> clauses;

    private OsgiHeader(List<Clause> clauses) {
        this.clauses = clauses;
    }

    /** A missing or blank header has no clauses. */
    static OsgiHeader parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null) {
            return new OsgiHeader(clauses);
        }
        for (String clause : splitOutsideQuotes(header, ',')) {
            if (clause.isBlank()) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : splitOutsideQuotes(clause, ';')) {
                String p = part.trim();
                int directive = indexOutsideQuotes(p, ":=");
                int attribute = indexOutsideQuotes(p, "=");
                if (directive >= 0 && directive < attribute) {
                    directives.put(p.substring(0, directive).trim(), unquote(p.substring(directive + 2)));
                } else if (attribute >= 0) {
                    attributes.put(p.substring(0, attribute).trim(), unquote(p.substring(attribute + 1)));
                } else if (!p.isEmpty()) {
                    paths.add(p);
                }
            }
            clauses.add(new Clause(Collections.unmodifiableList(paths), Collections.unmodifiableMap(attributes),
                    Collections.unmodifiableMap(directives)));
        }
        return new OsgiHeader(Collections.unmodifiableList(clauses));
    }

    List<Clause> clauses() {
        return clauses;
    }

    /** Every path of every clause, in order. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        clauses.forEach(c -> paths.addAll(c.paths()));
        return paths;
    }

    /**
     * Whether an Import-Package header with these clauses imports {@code pkg}: an exact path, or a wildcard path
     * {@code a.b.*} matching {@code a.b} and its sub-packages, or the blanket {@code *}.
     */
    boolean imports(String pkg) {
        return paths().stream().anyMatch(path -> matches(path, pkg));
    }

    static boolean matches(String path, String pkg) {
        if (path.equals("*")) {
            return true;
        }
        if (path.endsWith(".*")) {
            String base = path.substring(0, path.length() - 2);
            return pkg.equals(base) || pkg.startsWith(base + ".");
        }
        return path.equals(pkg);
    }

    static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static int indexOutsideQuotes(String text, String needle) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quoted = !quoted;
            } else if (!quoted && text.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
