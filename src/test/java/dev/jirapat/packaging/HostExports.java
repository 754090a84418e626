package dev.jirapat.packaging;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.Assert.assertNotNull;

/**
 * What one Jira line exports to plugins, as far as public sources show: {@code platform/<line>-exports.txt} on the
 * test class path (src/test/resources/platform), one package per line with its certainty and source.
 */
final class HostExports {

    /** A public URL, or {@code owner/repo@commit[:path]} with a 7-40 digit commit. */
    static final Pattern SOURCE = Pattern.compile("https?://\\S+|[\\w.-]+/[\\w.-]+@[0-9a-f]{7,40}(:\\S+)?");

    record Export(String pkg, Version version, boolean verified, String source, String note) {
        String describe() {
            return pkg + (version == null ? "" : " " + version) + " (" + (verified ? "verified" : "unconfirmed")
                    + ", " + source + (note.isEmpty() ? "" : ": " + note) + ")";
        }
    }

    private final String name;
    private final Map<String, Export> exports;

    private HostExports(String name, Map<String, Export> exports) {
        this.name = name;
        this.exports = exports;
    }

    static HostExports of(JiraLine line) throws IOException {
        String resource = "platform/" + line.id() + "-exports.txt";
        try (InputStream in = HostExports.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(resource + " is not on the test class path (src/test/resources)", in);
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Fails with the file and line number on a malformed entry or a package listed twice. */
    static HostExports parse(String name, String text) {
        Map<String, Export> exports = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = name + ":" + (i + 1) + ": ";
            String[] columns = line.split("\\s+", 4);
            if (columns.length < 3) {
                throw new IllegalArgumentException(where + "needs <package> <verified|unconfirmed> <source>: " + line);
            }
            String[] pkgAndVersion = columns[0].split(";version=", 2);
            Version version = pkgAndVersion.length == 2 ? Version.parseVersion(pkgAndVersion[1]) : null;
            boolean verified = switch (columns[1]) {
                case "verified" -> true;
                case "unconfirmed" -> false;
                default -> throw new IllegalArgumentException(where + "status is verified or unconfirmed: " + line);
            };
            String source = columns[2];
            if (!SOURCE.matcher(source).matches() && !(source.equals("-") && !verified)) {
                throw new IllegalArgumentException(where + "a source is a public URL or owner/repo@commit (or '-' "
                        + "for an unconfirmed entry): " + line);
            }
            String note = columns.length > 3 ? columns[3] : "";
            if (source.equals("-") && note.isEmpty()) {
                throw new IllegalArgumentException(where + "an entry without a source says why in a note: " + line);
            }
            Export export = new Export(pkgAndVersion[0], version, verified, source, note);
            if (exports.put(export.pkg(), export) != null) {
                throw new IllegalArgumentException(where + export.pkg() + " is listed twice");
            }
        }
        return new HostExports(name, Collections.unmodifiableMap(exports));
    }

    Map<String, Export> exports() {
        return exports;
    }

    /**
     * Each required import (not {@code resolution:=optional}) the list does not cover: a package it does not list,
     * or a version range that excludes the version it lists. An import with a version range needs the list to say
     * which version the line exports.
     */
    List<String> uncovered(OsgiHeader imports) {
        List<String> problems = new ArrayList<>();
        for (OsgiHeader.Clause clause : imports.clauses()) {
            if (clause.isOptional()) {
                continue;
            }
            String range = clause.attributes().get("version");
            for (String pkg : clause.paths()) {
                Export export = exports.get(pkg);
                if (export == null) {
                    problems.add(pkg + " is imported but not in " + name);
                } else if (range != null && !new VersionRange(range).equals(new VersionRange("0"))) {
                    if (export.version() == null) {
                        problems.add(pkg + " is imported at " + range + " but " + name + " gives no version");
                    } else if (!new VersionRange(range).includes(export.version())) {
                        problems.add(pkg + " is imported at " + range + " but the line exports "
                                + export.version() + " (" + name + ")");
                    }
                }
            }
        }
        return problems;
    }

    /** The unconfirmed entries the required imports rely on. */
    List<Export> unconfirmedReliedOn(OsgiHeader imports) {
        List<Export> relied = new ArrayList<>();
        for (OsgiHeader.Clause clause : imports.clauses()) {
            if (!clause.isOptional()) {
                for (String pkg : clause.paths()) {
                    Export export = exports.get(pkg);
                    if (export != null && !export.verified()) {
                        relied.add(export);
                    }
                }
            }
        }
        return relied;
    }
}
