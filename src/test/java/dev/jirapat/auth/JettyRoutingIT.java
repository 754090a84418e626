package dev.jirapat.auth;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.Test;

import javax.servlet.DispatcherType;
import java.util.EnumSet;

import static org.junit.Assert.assertTrue;

/**
 * The read-scope path rule against a second container's routing, Jetty 9.4's: Jira runs on Tomcat, but the rule
 * must hold on the path as any servlet container routes it, not on one container's normalisation (Jetty and Tomcat
 * route several of these escapes differently). Jetty is a test dependency of this class alone.
 */
public class JettyRoutingIT {
    @Test
    public void routedPathWhenJettyRoutesThenRestApiOnlyForTheRestServlet() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(RoutingProbe.CONTEXT);
        context.addFilter(new FilterHolder(new RoutingProbe.ProbeFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new RoutingProbe.NamedServlet("rest")), "/rest/*");
        context.addServlet(new ServletHolder(new RoutingProbe.NamedServlet("jspa")), "*.jspa");
        context.addServlet(new ServletHolder(new RoutingProbe.NamedServlet("default")), "/");
        server.setHandler(context);
        server.start();
        try {
            int escapes = RoutingProbe.assertRuleAgreesWithRouting(connector.getLocalPort());
            assertTrue("some raw /rest/ paths really reached other servlets: " + escapes, escapes > 0);
        } finally {
            server.stop();
        }
    }
}
