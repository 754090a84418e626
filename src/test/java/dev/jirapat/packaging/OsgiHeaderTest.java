package dev.jirapat.packaging;

import org.junit.Test;

import java.util.Arrays;
import java.util.Collections;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

public class OsgiHeaderTest {

    @Test
    public void parseWhenCommaIsQuotedThenKeepsTheClauseWhole() {
        OsgiHeader header = OsgiHeader.parse("a.b;version=\"[1.0,2)\",c.d;resolution:=optional");

        assertEquals(2, header.clauses().size());
        assertEquals(Collections.singletonList("a.b"), header.clauses().get(0).paths());
        assertEquals("[1.0,2)", header.clauses().get(0).attributes().get("version"));
        assertTrue(header.clauses().get(1).isOptional());
        assertFalse(header.clauses().get(0).isOptional());
    }

    @Test
    public void parseWhenClauseHasSeveralPathsThenSharesItsParameters() {
        OsgiHeader.Clause clause = OsgiHeader.parse("a.b;c.d;version=0;resolution:=optional").clauses().get(0);

        assertEquals(Arrays.asList("a.b", "c.d"), clause.paths());
        assertEquals("0", clause.attributes().get("version"));
        assertTrue(clause.isOptional());
    }

    @Test
    public void parseWhenHeaderIsMissingOrBlankThenHasNoClauses() {
        assertTrue(OsgiHeader.parse(null).clauses().isEmpty());
        assertTrue(OsgiHeader.parse(" ").clauses().isEmpty());
    }

    @Test
    public void importsWhenPathIsWildcardThenMatchesThePackageAndItsSubPackagesOnly() {
        OsgiHeader header = OsgiHeader.parse("org.springframework.osgi.*;resolution:=optional,org.slf4j");

        assertTrue(header.imports("org.springframework.osgi"));
        assertTrue(header.imports("org.springframework.osgi.service.importer"));
        assertTrue(header.imports("org.slf4j"));
        assertFalse(header.imports("org.springframework.osgix"));
        assertFalse(header.imports("org.springframework"));
        assertFalse(header.imports("org.slf4j.spi"));
    }

    @Test
    public void importsWhenPathIsBlanketStarThenMatchesEverything() {
        assertTrue(OsgiHeader.parse("*;resolution:=optional").imports("any.thing"));
    }
}
