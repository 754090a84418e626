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
 * The read-scope path rule against Apache Tomcat 9's own routing (Jira's container, and the dev host's), in a bare
 * context of Jira's shape, with a generator's raw paths beyond those the dev host's tests send.
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
