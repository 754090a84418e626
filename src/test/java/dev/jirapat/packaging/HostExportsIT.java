package dev.jirapat.packaging;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

import java.util.Collection;
import java.util.List;

import static org.junit.Assert.assertEquals;

/**
 * Every package a jar requires (Import-Package without {@code resolution:=optional}) is one its Jira line exports
 * to plugins, as listed with its source in src/test/resources/platform/&lt;line&gt;-exports.txt. The entries the jar
 * relies on that no public source confirmed are printed: they are what an install on a real Jira of that line
 * proves first.
 */
@RunWith(Parameterized.class)
public class HostExportsIT {

    @Parameterized.Parameters(name = "{0}")
    public static Collection<Object[]> lines() {
        return JiraLine.parameters();
    }

    private final JiraLine line;

    public HostExportsIT(JiraLine line) {
        this.line = line;
    }

    @Test
    public void requiredImportWhenPackedThenExportedByTheLine() throws Exception {
        PluginJar jar = PluginJar.of(line);
        HostExports exports = HostExports.of(line);
        OsgiHeader imports = jar.importPackage();

        List<HostExports.Export> unconfirmed = exports.unconfirmedReliedOn(imports);
        StringBuilder report = new StringBuilder("[" + line + "] required imports relying on unconfirmed exports: "
                + unconfirmed.size());
        unconfirmed.forEach(e -> report.append("\n  ").append(e.describe()));
        System.out.println(report);

        assertEquals(line + " jar: required imports that " + line.id() + "-exports.txt does not cover (find a "
                + "public source that the line exports it, or import it optionally, or stop using it)",
                List.of(), exports.uncovered(imports));
    }
}
