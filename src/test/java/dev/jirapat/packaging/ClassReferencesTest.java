package dev.jirapat.packaging;

import dev.jirapat.packaging.fixture.ReferencesEverywhere;
import org.junit.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

public class ClassReferencesTest {

    @Test
    public void packagesReferencedByWhenTypeAppearsAnywhereThenFindsIt() throws IOException {
        Set<String> packages = ClassReferences.packagesReferencedBy(classFile(ReferencesEverywhere.class));

        for (String expected : new String[] {
                "javax.crypto",         // generic signature of a field
                "org.junit",            // method annotation
                "javax.net.ssl",        // ldc class constant
                "javax.xml",            // ldc class constant in an expression
                "java.util.logging",    // invokestatic owner
                "javax.security.auth.x500", // invokedynamic method handle
                "javax.naming",         // exception table and invokestatic
                "javax.management",     // array checkcast
                "java.io"}) {           // new / throw
            assertTrue(expected + " not found in " + packages, packages.contains(expected));
        }
    }

    @Test
    public void utf8ConstantsWhenNameIsOnlyInAStringThenFindsIt() throws IOException {
        java.util.List<String> constants = ClassReferences.utf8Constants(classFile(ReferencesEverywhere.class));

        assertTrue(constants.toString(), constants.contains(ReferencesEverywhere.ATTRIBUTE));
        assertTrue("descriptors too: " + constants, constants.stream().anyMatch(c -> c.contains("Ljavax/crypto/Mac;")));
        assertTrue("non-ASCII text decodes: " + constants, constants.contains("d\u00e9j\u00e0 vu"));
    }

    @Test
    public void packageOfWhenNameIsInternalOrBinaryThenGivesTheDottedPackage() {
        assertEquals("a.b", ClassReferences.packageOf("a/b/C"));
        assertEquals("a.b", ClassReferences.packageOf("a.b.C$D"));
        assertEquals("", ClassReferences.packageOf("C"));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
