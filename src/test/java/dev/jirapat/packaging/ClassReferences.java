package dev.jirapat.packaging;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every type a class file names anywhere: super types, fields, method descriptors and generic signatures,
 * instructions (owners, casts, {@code instanceof}, {@code new}, array types), {@code ldc} class constants,
 * method handles and {@code invokedynamic} arguments, annotations and their values, exception tables, inner-class
 * entries and local variable tables. ASM's remapper visits each of them through {@link Remapper#map}, so an
 * identity remapper that records its input sees them all.
 */
final class ClassReferences {

    private ClassReferences() {
    }

    /** Internal names ({@code a/b/C}) of every type the class references, arrays unwrapped. */
    static Set<String> typesReferencedBy(byte[] classFile) {
        Set<String> types = new TreeSet<>();
        Remapper recorder = new Remapper() {
            @Override
            public String map(String internalName) {
                types.add(internalName.replaceFirst("^\\[+L?", "").replaceFirst(";$", ""));
                return internalName;
            }
        };
        // A ClassWriter as delegate: with a null delegate ClassRemapper would not visit method bodies.
        new ClassReader(classFile).accept(new ClassRemapper(new ClassWriter(0), recorder), 0);
        return types;
    }

    /**
     * Every CONSTANT_Utf8 entry of the class's constant pool: the text behind every class, field and method name,
     * descriptor, generic signature, annotation type and value and string literal the class holds, including
     * names no instruction ever loads (a {@code "javax.servlet.error.status_code"} literal, say).
     */
    static List<String> utf8Constants(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        List<String> constants = new ArrayList<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && classFile[offset - 1] == CONSTANT_UTF8) {
                // The entry's u2 length and modified UTF-8 bytes are exactly what readUTF reads.
                try (DataInputStream in = new DataInputStream(
                        new ByteArrayInputStream(classFile, offset, classFile.length - offset))) {
                    constants.add(in.readUTF());
                } catch (IOException e) {
                    throw new UncheckedIOException("constant " + i + " of a class file", e);
                }
            }
        }
        return constants;
    }

    private static final int CONSTANT_UTF8 = 1;

    /** Dotted package names of every type the class references ({@code ""} for the default package). */
    static Set<String> packagesReferencedBy(byte[] classFile) {
        Set<String> packages = new TreeSet<>();
        typesReferencedBy(classFile).forEach(type -> packages.add(packageOf(type)));
        return packages;
    }

    /** The dotted package of an internal ({@code a/b/C}) or binary ({@code a.b.C}) class name. */
    static String packageOf(String className) {
        String name = className.replace('/', '.');
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
