package dev.jirapat.auth;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertTrue;

/**
 * The read-scope path rule against Apache Tomcat 9's own routing, the container Jira 8.20 to 10 runs on. Runs in
 * a surefire execution of its own, with Tomcat's Servlet 4.0 API instead of the dev host's Jetty and Servlet 3.1.
 */
public class TomcatRoutingIT {
    @Test
    public void routedPathWhenTomcatRoutesThenRestApiOnlyForTheRestServlet() throws Exception {
        Path base = Files.createTempDirectory("tomcat-routing");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        Context context = tomcat.addContext(RoutingProbe.CONTEXT, base.toString());
        FilterDef probe = new FilterDef();
        probe.setFilterName("probe");
        probe.setFilter(new RoutingProbe.ProbeFilter());
        context.addFilterDef(probe);
        FilterMap all = new FilterMap();
        all.setFilterName("probe");
        all.addURLPattern("/*");
        context.addFilterMap(all);
        Tomcat.addServlet(context, "rest", new RoutingProbe.NamedServlet("rest"));
        context.addServletMappingDecoded("/rest/*", "rest");
        Tomcat.addServlet(context, "jspa", new RoutingProbe.NamedServlet("jspa"));
        context.addServletMappingDecoded("*.jspa", "jspa");
        Tomcat.addServlet(context, "default", new RoutingProbe.NamedServlet("default"));
        context.addServletMappingDecoded("/", "default");
        tomcat.start();
        try {
            int escapes = RoutingProbe.assertRuleAgreesWithRouting(connector.getLocalPort());
            assertTrue("some raw /rest/ paths really reached other servlets: " + escapes, escapes > 0);
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
