package dev.jirapat.packaging;

import org.junit.Test;

import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The exports lists' format and the check HostExportsIT runs on each jar, on made-up headers. */
public class HostExportsTest {

    private static final HostExports LIST = HostExports.parse("test-exports.txt", String.join("\n",
            "# a comment",
            "com.example.api  verified  https://example.org/doc  seen there",
            "com.example.spi  unconfirmed  -  inferred only",
            "javax.ws.rs;version=2  verified  owner/repo@0123abc:pom.xml"));

    @Test
    public void uncoveredWhenImportIsNotListedThenNamesIt() {
        List<String> problems = LIST.uncovered(OsgiHeader.parse("com.example.api;version=\"0\",com.example.other"));
        assertEquals(List.of("com.example.other is imported but not in test-exports.txt"), problems);
    }

    @Test
    public void uncoveredWhenImportIsOptionalThenIgnoresIt() {
        assertEquals(List.of(), LIST.uncovered(OsgiHeader.parse("com.example.other;resolution:=optional")));
    }

    @Test
    public void uncoveredWhenRangeExcludesTheExportedVersionThenNamesIt() {
        assertEquals(List.of(), LIST.uncovered(OsgiHeader.parse("javax.ws.rs;version=\"[2.0,3)\"")));
        List<String> problems = LIST.uncovered(OsgiHeader.parse("javax.ws.rs;version=\"[3.0,4)\""));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0), problems.get(0).contains("exports 2.0.0"));
        assertFalse("a range needs a listed version",
                LIST.uncovered(OsgiHeader.parse("com.example.api;version=\"[1,2)\"")).isEmpty());
    }

    @Test
    public void unconfirmedReliedOnWhenRequiredThenListed() {
        List<HostExports.Export> relied = LIST.unconfirmedReliedOn(
                OsgiHeader.parse("com.example.api,com.example.spi"));
        assertEquals(1, relied.size());
        assertEquals("com.example.spi", relied.get(0).pkg());
        assertEquals(List.of(), LIST.unconfirmedReliedOn(OsgiHeader.parse("com.example.spi;resolution:=optional")));
    }

    @Test
    public void parseWhenVerifiedEntryHasNoSourceThenFails() {
        for (String bad : new String[] {"com.example.api verified -", "com.example.api verified see-the-wiki",
                "com.example.api maybe https://example.org", "com.example.api", "com.example.api unconfirmed -"}) {
            try {
                HostExports.parse("bad.txt", bad);
                fail("accepted: " + bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().startsWith("bad.txt:1: "));
            }
        }
    }

    /** The three files themselves parse (their check against the jars is HostExportsIT). */
    @Test
    public void listsWhenReadThenWellFormed() throws Exception {
        for (JiraLine line : JiraLine.values()) {
            assertFalse(line + " list is empty", HostExports.of(line).exports().isEmpty());
        }
    }
}
