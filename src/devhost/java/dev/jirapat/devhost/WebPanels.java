package dev.jirapat.devhost;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the {@code <web-panel>}s of a location, ordered by weight: the context provider (created once by the
 * plugin's container, {@code init} with the module's params, then {@code getContextMap} per render) feeds the
 * Velocity view. The provider is driven by the two methods of Atlassian's {@code ContextProvider}.
 */
final class WebPanels {
    private final List<Panel> panels = new ArrayList<>();
    private final VelocityViews views;
    private final DevI18n i18n;

    WebPanels(PluginDescriptor descriptor, PluginContainer container, VelocityViews views) {
        this.views = views;
        this.i18n = new DevI18n(descriptor.i18nBundles);
        for (PluginDescriptor.WebPanelModule m : descriptor.webPanels) {
            String where = "<web-panel key=\"" + m.key + "\">";
            views.check(m.viewLocation, where);
            Object provider = m.contextProviderClass == null ? null
                    : container.createModule(m.contextProviderClass, Object.class, where);
            if (provider != null) {
                invoke(provider, "init", where, Map.class, Collections.<String, String>emptyMap());
            }
            panels.add(new Panel(m, provider, where));
        }
        panels.sort(Comparator.comparingInt(p -> p.module.weight));
    }

    /** Every panel at {@code location}, rendered with the given context (e.g. profileUser, currentUser). */
    List<String> render(String location, Map<String, Object> context) {
        List<String> out = new ArrayList<>();
        for (Panel p : panels) {
            if (!p.module.location.equals(location)) {
                continue;
            }
            Map<String, Object> ctx = new HashMap<>(context);
            ctx.put("i18n", i18n);
            if (p.provider != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> extra = (Map<String, Object>) invoke(p.provider, "getContextMap", p.where, Map.class, new HashMap<>(ctx));
                if (extra != null) {
                    ctx.putAll(extra);
                }
            }
            out.add("<div class=\"module\" id=\"" + Pages.html(p.module.key) + "-panel\">"
                    + views.render(p.module.viewLocation, ctx, p.where) + "</div>");
        }
        return out;
    }

    private static Object invoke(Object target, String method, String where, Class<?> argType, Object arg) {
        try {
            Method m = target.getClass().getMethod(method, argType);
            return m.invoke(target, arg);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new DevHostException(where + ": " + target.getClass().getName() + " is not a ContextProvider (" + method + ")", e);
        } catch (InvocationTargetException e) {
            throw new DevHostException(where + ": " + method + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static final class Panel {
        final PluginDescriptor.WebPanelModule module;
        final Object provider;
        final String where;

        Panel(PluginDescriptor.WebPanelModule module, Object provider, String where) {
            this.module = module;
            this.provider = provider;
            this.where = where;
        }
    }
}
