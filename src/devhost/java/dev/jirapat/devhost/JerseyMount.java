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

import javax.servlet.http.HttpServlet;
import java.util.Set;

/**
 * A {@code <rest>} module as Atlassian REST v1 serves it: Jersey 1 over the module's packages, resources and
 * providers created by the plugin's container, JSON by codehaus Jackson 1 configured as Atlassian configures it
 * (null fields omitted; getters, setters and fields are not auto-detected, so every property is annotated).
 */
final class JerseyMount {
    private JerseyMount() {
    }

    /** Declared as a plain servlet: the line-10 host loads this class without Jersey 1 on its class path. */
    static HttpServlet servlet(PluginDescriptor.RestModule module, PluginContainer container) {
        Set<Class<?>> classes = RestPackages.classes(module);
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
}
