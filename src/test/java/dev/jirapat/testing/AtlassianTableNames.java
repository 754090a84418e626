package dev.jirapat.testing;

import dev.jirapat.devhost.AoTableNames;

/**
 * The AO plugin's table names ({@link AoTableNames}) for this plugin's namespace. The AO test runner
 * instantiates converters reflectively, hence the constructor without arguments.
 */
public final class AtlassianTableNames extends AoTableNames {
    public static final String NAMESPACE = "dev.jirapat";

    public AtlassianTableNames() {
        this(NAMESPACE);
    }

    public AtlassianTableNames(String namespace) {
        super(namespace);
    }
}
