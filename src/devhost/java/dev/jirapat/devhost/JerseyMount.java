package dev.jirapat.devhost;

import com.sun.jersey.api.core.DefaultResourceConfig;
import com.sun.jersey.api.core.ResourceConfig;
import com.sun.jersey.core.spi.component.ComponentContext;
import com.sun.jersey.core.spi.component.ComponentScope;
import com.sun.jersey.core.spi.component.ioc.IoCComponentProvider;
import com.sun.jersey.core.spi.component.ioc.IoCComponentProviderFactory;
import com.sun.jersey.core.spi.component.ioc.IoCFullyManagedComponentProvider;
import com.sun.jersey.spi.container.WebApplication;
import com.sun.jersey.spi.container.servlet.ServletContainer;
import org.codehaus.jackson.jaxrs.JacksonJsonProvider;
import org.codehaus.jackson.map.ObjectMapper;
import org.codehaus.jackson.map.SerializationConfig;
import org.codehaus.jackson.map.DeserializationConfig;
import org.codehaus.jackson.map.annotate.JsonSerialize;

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
 * A {@code <rest>} module as Atlassian REST v1 serves it: Jersey 1 over the module's packages, resources and
 * providers created by the plugin's container, JSON by codehaus Jackson 1 configured as Atlassian configures it
 * (null fields omitted; getters, setters and fields are not auto-detected, so every property is annotated).
 */
final class JerseyMount {
    private JerseyMount() {
    }

    static ServletContainer servlet(PluginDescriptor.RestModule module, PluginContainer container) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String pkg : module.packages) {
            classes.addAll(scan(pkg, "<rest key=\"" + module.key + "\">"));
        }
        if (classes.isEmpty()) {
            throw new DevHostException("<rest key=\"" + module.key + "\"> has no resource classes in " + module.packages);
        }
        DefaultResourceConfig config = new DefaultResourceConfig(classes);
        config.getSingletons().add(new JacksonJsonProvider(atlassianMapper()));
        config.getFeatures().put(ResourceConfig.FEATURE_DISABLE_WADL, Boolean.TRUE);
        IoCComponentProviderFactory factory = new IoCComponentProviderFactory() {
            @Override
            public IoCComponentProvider getComponentProvider(Class<?> c) {
                return getComponentProvider(null, c);
            }

            @Override
            public IoCComponentProvider getComponentProvider(ComponentContext cc, Class<?> c) {
                if (!classes.contains(c)) {
                    return null; // Jersey's own and the JSON provider
                }
                Object instance = container.createModule(c.getName(), Object.class, "<rest key=\"" + module.key + "\">");
                return new IoCFullyManagedComponentProvider() {
                    @Override
                    public ComponentScope getScope() {
                        return ComponentScope.Singleton;
                    }

                    @Override
                    public Object getInstance() {
                        return instance;
                    }
                };
            }
        };
        return new ServletContainer(config) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void initiate(ResourceConfig rc, WebApplication wa) {
                wa.initiate(rc, factory);
            }
        };
    }

    static ObjectMapper atlassianMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.configure(SerializationConfig.Feature.AUTO_DETECT_GETTERS, false);
        mapper.configure(SerializationConfig.Feature.AUTO_DETECT_FIELDS, false);
        mapper.configure(DeserializationConfig.Feature.AUTO_DETECT_SETTERS, false);
        mapper.configure(DeserializationConfig.Feature.AUTO_DETECT_FIELDS, false);
        mapper.setSerializationInclusion(JsonSerialize.Inclusion.NON_NULL);
        return mapper;
    }

    /** Classes annotated {@code @Path} or {@code @Provider} in a package (and below), from directories or jars. */
    static Set<Class<?>> scan(String pkg, String where) {
        Set<Class<?>> out = new LinkedHashSet<>();
        String path = pkg.replace('.', '/');
        try {
            Enumeration<URL> roots = JerseyMount.class.getClassLoader().getResources(path);
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
