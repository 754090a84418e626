package dev.jirapat.devhost;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.StringWriter;
import java.util.Map;

/**
 * Renders web-panel views with real Velocity, escaping HTML in every reference unless its name ends in
 * {@code Html}, the convention Jira's renderer applies to plugin templates.
 */
final class VelocityViews {
    private final VelocityEngine engine = new VelocityEngine();

    VelocityViews() {
        engine.setProperty(RuntimeConstants.RESOURCE_LOADER, "classpath");
        engine.setProperty("classpath.resource.loader.class", ClasspathResourceLoader.class.getName());
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "false");
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, "org.apache.velocity.runtime.log.NullLogChute");
        engine.init();
    }

    /** Loads and parses a view, so a wrong location or a syntax error fails the host's start, not a page. */
    void check(String location, String where) {
        template(location, where);
    }

    String render(String location, Map<String, Object> context, String where) {
        Template template = template(location, where);
        VelocityContext vc = new VelocityContext(context);
        EventCartridge cartridge = new EventCartridge();
        cartridge.addEventHandler((ReferenceInsertionEventHandler) (reference, value) -> {
            if (value == null) {
                return null;
            }
            String name = reference.replaceAll("[${}!]", "");
            return name.endsWith("Html") || name.endsWith("HTML") ? value : Pages.html(String.valueOf(value));
        });
        cartridge.attachToContext(vc);
        StringWriter out = new StringWriter();
        template.merge(vc, out);
        return out.toString();
    }

    private Template template(String location, String where) {
        try {
            return engine.getTemplate(location, "UTF-8");
        } catch (Exception e) {
            throw new DevHostException(where + ": the view " + location + " cannot be loaded: " + e.getMessage(), e);
        }
    }
}
