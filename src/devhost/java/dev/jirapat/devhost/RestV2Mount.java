package dev.jirapat.devhost;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

import javax.servlet.http.HttpServlet;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;
import javax.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@code <rest>} module as Atlassian REST v2 serves it (Jira 10 on Jersey 2; the Jira 11 line runs this same code
 * renamed to {@code jakarta.ws.rs} on Jersey 3.1, so only JAX-RS and Jersey API present unchanged in both is used):
 * the resources and providers of the module's packages, each created by the plugin's container (REST v2 takes them
 * from the plugin's Spring context) and registered as instances; WADL off; Jackson 2 as the host's JSON provider.
 * On a secure-by-default line each resource method is guarded by its access annotation ({@link AccessRules}).
 */
final class RestV2Mount {
    /** The body of the 401 an anonymous caller gets from a resource for logged-in users (its wording is ours). */
    static final String UNAUTHORIZED_JSON =
            "{\"message\":\"Client must be authenticated to access this resource.\",\"status-code\":401}";

    /**
     * Jersey warns for every resource registered as an instance that it implements no provider interface, which is
     * true and harmless (held: JUL keeps loggers weakly).
     */
    private static final Logger PROVIDER_CHECKS = quiet("org.glassfish.jersey.internal.inject.Providers");

    private RestV2Mount() {
    }

    /** Declared as a plain servlet: the line-9 host loads this class without Jersey 2 on its class path. */
    static HttpServlet servlet(PluginDescriptor.RestModule module, PluginContainer container, boolean secureByDefault) {
        String where = "<rest key=\"" + module.key + "\">";
        List<Object> instances = new ArrayList<>();
        for (Class<?> c : RestPackages.classes(module)) {
            instances.add(container.createModule(c.getName(), Object.class, where));
        }
        ResourceConfig config = new ResourceConfig();
        config.registerInstances(instances.toArray());
        config.register(JacksonFeature.class);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, Boolean.TRUE);
        // Jersey's default is kept: an error status without an entity goes to the container's sendError (its error
        // page becomes the body). Whether Atlassian's REST v2 changes that is not documented, so the suite holds the
        // plugin to the case that would break an empty body; the plugin sends its empty 404 as an empty entity.
        if (secureByDefault) {
            config.registerInstances(new AccessFeature());
        }
        return new ServletContainer(config);
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Puts each resource method behind the access its annotations ask for; unrestricted ones get no guard. */
    private static final class AccessFeature implements DynamicFeature {
        @Override
        public void configure(ResourceInfo resource, FeatureContext context) {
            AccessRules.Access access = AccessRules.of(AccessRules.REST_PACKAGE,
                    resource.getResourceMethod(), resource.getResourceClass());
            if (access != AccessRules.Access.UNRESTRICTED) {
                context.register(new AccessGuard(access), Priorities.AUTHENTICATION);
            }
        }
    }

    /** Before the resource runs: 401 for a caller who is not logged in, 403 for one without the access. */
    private static final class AccessGuard implements ContainerRequestFilter {
        private final AccessRules.Access access;

        AccessGuard(AccessRules.Access access) {
            this.access = access;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            DevUser user = CurrentUser.get();
            if (access.allows(user)) {
                return;
            }
            if (user == null) {
                request.abortWith(Response.status(401).type("application/json;charset=UTF-8")
                        .entity(UNAUTHORIZED_JSON.getBytes(StandardCharsets.UTF_8)).build());
            } else {
                request.abortWith(Response.status(403).type("application/json;charset=UTF-8")
                        .entity("{\"message\":\"You do not have the permission to access this resource.\",\"status-code\":403}"
                                .getBytes(StandardCharsets.UTF_8)).build());
            }
        }
    }
}
