package dev.jirapat.devhost;

import com.atlassian.templaterenderer.TemplateRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plugin's templates rendered exactly as a dev host renders them, without starting one: the same Velocity,
 * escaping and method allowlist (the descriptor's {@code <velocity-allowlist>} plus the host's global list) and the
 * same {@code $i18n}. For tests that render each template with the context the plugin's own code builds.
 */
public final class HostTemplates {
    private final VelocityViews views;
    private final DevI18n i18n;

    private HostTemplates(Resource descriptor) {
        PluginDescriptor parsed;
        try (InputStream in = descriptor.getInputStream()) {
            parsed = PluginDescriptor.parse(in, descriptor.getDescription());
        } catch (IOException e) {
            throw new DevHostException("The descriptor " + descriptor.getDescription() + " cannot be read: " + e, e);
        }
        this.views = VelocityViews.forDescriptor(descriptor);
        this.i18n = new DevI18n(parsed.i18nBundles);
    }

    /** The plugin's own descriptor, from the classpath, as a host started with defaults reads it. */
    public static HostTemplates forPlugin() {
        return new HostTemplates(new ClassPathResource("atlassian-plugin.xml"));
    }

    /** A web-panel view as the host renders it: the page's context, {@code $i18n}, then the provider's map. */
    public String renderPanel(String location, Map<String, Object> pageContext, Map<String, Object> providerContext) {
        Map<String, Object> ctx = new HashMap<>(pageContext);
        ctx.put("i18n", i18n);
        ctx.putAll(providerContext);
        return views.render(location, ctx, "web-panel");
    }

    /** The {@code TemplateRenderer} the host gives the plugin's servlets and mail. */
    public TemplateRenderer renderer() {
        return DevHostServices.templates(views, i18n);
    }

    /** Calls blocked so far, as {@code Method needs allowlisting: ...} lines. */
    public List<String> violations() {
        return views.allowlist().violations();
    }

    /** For a test that blocks a call on purpose. */
    public void clearViolations() {
        views.allowlist().clearViolations();
    }

    /** Templates rendered so far. */
    public Set<String> rendered() {
        return views.rendered();
    }

    /** The plugin's allowlist entries in force. */
    public Set<String> pluginEntries() {
        return views.allowlist().pluginEntries();
    }
}
