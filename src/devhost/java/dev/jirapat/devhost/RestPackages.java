package dev.jirapat.devhost;

import javax.ws.rs.Path;
import javax.ws.rs.ext.Provider;
import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The classes of a {@code <rest>} module, as both REST versions find them: every class annotated {@code @Path} or
 * {@code @Provider} in the module's packages. Apart from either mount, so that each line loads only its own Jersey.
 */
final class RestPackages {
    private RestPackages() {
    }

    /** The module's resource and provider classes; none at all is a descriptor error. */
    static Set<Class<?>> classes(PluginDescriptor.RestModule module) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String pkg : module.packages) {
            classes.addAll(scan(pkg, "<rest key=\"" + module.key + "\">"));
        }
        if (classes.isEmpty()) {
            throw new DevHostException("<rest key=\"" + module.key + "\"> has no resource classes in " + module.packages);
        }
        return classes;
    }

    /** Classes annotated {@code @Path} or {@code @Provider} in a package (and below), from directories or jars. */
    static Set<Class<?>> scan(String pkg, String where) {
        Set<Class<?>> out = new LinkedHashSet<>();
        String path = pkg.replace('.', '/');
        try {
            Enumeration<URL> roots = RestPackages.class.getClassLoader().getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    walk(new File(URLDecoder.decode(root.getPath(), StandardCharsets.UTF_8.name())), pkg, out, where);
                } else if ("jar".equals(root.getProtocol())) {
                    try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String name = e.nextElement().getName();
                            if (name.startsWith(path + "/") && name.endsWith(".class")) {
                                consider(name.substring(0, name.length() - 6).replace('/', '.'), out, where);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new DevHostException(where + ": cannot scan package " + pkg, e);
        }
        return out;
    }

    private static void walk(File dir, String pkg, Set<Class<?>> out, String where) {
        File[] files = dir.listFiles();
        if (files == null) {
            return;
        }
        for (File f : files) {
            if (f.isDirectory()) {
                walk(f, pkg + "." + f.getName(), out, where);
            } else if (f.getName().endsWith(".class")) {
                consider(pkg + "." + f.getName().substring(0, f.getName().length() - 6), out, where);
            }
        }
    }

    private static void consider(String className, Set<Class<?>> out, String where) {
        Class<?> c = PluginContainer.loadClass(className, where);
        if (c.isAnnotationPresent(Path.class) || c.isAnnotationPresent(Provider.class)) {
            out.add(c);
        }
    }
}
