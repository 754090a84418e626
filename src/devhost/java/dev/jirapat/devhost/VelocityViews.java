package dev.jirapat.devhost;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.StringWriter;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders the plugin's templates (web-panel views and the {@code TemplateRenderer}'s) with real Velocity, escaping
 * HTML in every reference unless its name ends in {@code Html}, the convention Jira's renderer applies to plugin
 * templates, and allowing only the calls {@link VelocityAllowlist} allows (Jira 10's method allowlist, enforced on
 * every line: its entries are harmless on Jira 8/9).
 */
public final class VelocityViews {
    private final VelocityEngine engine = new VelocityEngine();
    private final VelocityAllowlist allowlist;
    private final Set<String> rendered = Collections.synchronizedSet(new TreeSet<>());

    public VelocityViews(VelocityAllowlist allowlist) {
        this.allowlist = allowlist;
        engine.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, AllowlistUberspect.class.getName());
        engine.setApplicationAttribute(AllowlistUberspect.ALLOWLIST, allowlist);
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

    /** Views for a plugin: its descriptor's {@code <velocity-allowlist>} entries plus the host's global list. */
    static VelocityViews forDescriptor(org.springframework.core.io.Resource descriptor) {
        try (java.io.InputStream in = descriptor.getInputStream()) {
            return new VelocityViews(VelocityAllowlist.of(VelocityAllowlist.entriesOf(in)));
        } catch (java.io.IOException e) {
            throw new DevHostException("The descriptor " + descriptor.getDescription() + " cannot be read: " + e, e);
        }
    }

    /** The allowlist in force, with the calls it blocked. */
    public VelocityAllowlist allowlist() {
        return allowlist;
    }

    /** Every template rendered so far, so a test can show which it covered. */
    public Set<String> rendered() {
        synchronized (rendered) {
            return Collections.unmodifiableSet(new TreeSet<>(rendered));
        }
    }

    public String render(String location, Map<String, Object> context, String where) {
        Template template = template(location, where);
        rendered.add(location);
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
