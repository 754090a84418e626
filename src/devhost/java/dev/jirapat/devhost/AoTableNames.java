package dev.jirapat.devhost;

import net.java.ao.RawEntity;
import net.java.ao.schema.Table;
import net.java.ao.schema.TableNameConverter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Table names as the AO plugin makes them (docs/host-api.md, "Active Objects table names"): {@code AO_} + the
 * last six hex digits of md5(namespace), upper case, {@code _} + the {@code @Table} value; at most 30 characters.
 * The namespace is the plugin's {@code <ao namespace>} (or its key), as the host reads it from the descriptor.
 */
public class AoTableNames implements TableNameConverter {
    public static final int MAX_LENGTH = 30;

    private final String prefix;

    public AoTableNames(String namespace) {
        this.prefix = prefix(namespace);
    }

    @Override
    public String getName(Class<? extends RawEntity<?>> entityClass) {
        Table table = entityClass.getAnnotation(Table.class);
        // AO also asks for names of its own base interfaces (net.java.ao.Entity); a plugin's carry @Table.
        String base = table != null ? table.value() : entityClass.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2");
        String name = prefix + "_" + base.toUpperCase(Locale.ROOT);
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("table name " + name + " is longer than " + MAX_LENGTH + " characters");
        }
        return name;
    }

    public static String prefix(String namespace) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(namespace.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : md5) {
                hex.append(String.format("%02x", b));
            }
            return ("AO_" + hex.substring(hex.length() - 6)).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
