package dev.jirapat.devhost;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The plugin's {@code <web-resource>}s: served at {@code /download/resources/<plugin>:<module>/<name>} as Jira
 * serves them, and turned into script/link tags for a page context (dependencies first; AUI's own modules are
 * already on every page).
 */
final class WebResources extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final PluginDescriptor descriptor;
    private final DevI18n i18n;

    WebResources(PluginDescriptor descriptor) {
        this.descriptor = descriptor;
        this.i18n = new DevI18n(descriptor.i18nBundles);
        for (PluginDescriptor.WebResourceModule m : descriptor.webResources) {
            for (Map.Entry<String, String> file : m.files.entrySet()) {
                if (WebResources.class.getClassLoader().getResource(file.getValue()) == null) {
                    throw new DevHostException("<web-resource key=\"" + m.key + "\"> names " + file.getValue() + ", which does not exist");
                }
            }
            add(m, new LinkedHashSet<>()); // an unknown dependency fails the start, not the first page
        }
    }

    PluginDescriptor descriptor() {
        return descriptor;
    }

    /** Tags for every web resource in {@code context}, each after its dependencies. */
    String tagsFor(HttpServletRequest req, String context) {
        Set<String> keys = new LinkedHashSet<>();
        for (PluginDescriptor.WebResourceModule m : descriptor.webResources) {
            if (m.contexts.contains(context)) {
                keys.add(descriptor.key + ":" + m.key);
            }
        }
        return tagsFor(req, keys);
    }

    /** Tags for the given complete keys ({@code plugin:module}), each after its dependencies. */
    String tagsFor(HttpServletRequest req, Set<String> completeKeys) {
        Set<PluginDescriptor.WebResourceModule> ordered = new LinkedHashSet<>();
        for (String complete : completeKeys) {
            PluginDescriptor.WebResourceModule m = descriptor.webResources.stream()
                    .filter(r -> (descriptor.key + ":" + r.key).equals(complete)).findFirst()
                    .orElseThrow(() -> new DevHostException("The plugin required the unknown web resource " + complete));
            add(m, ordered);
        }
        StringBuilder tags = new StringBuilder();
        for (PluginDescriptor.WebResourceModule m : ordered) {
            for (String name : m.files.keySet()) {
                String url = req.getContextPath() + "/download/resources/" + descriptor.key + ":" + m.key + "/" + name;
                if (name.endsWith(".js")) {
                    tags.append("<script src=\"").append(Pages.html(url)).append("\"></script>");
                } else if (name.endsWith(".css")) {
                    tags.append("<link rel=\"stylesheet\" href=\"").append(Pages.html(url)).append("\">");
                }
            }
        }
        return tags.toString();
    }

    private void add(PluginDescriptor.WebResourceModule m, Set<PluginDescriptor.WebResourceModule> ordered) {
        for (String dependency : m.dependencies) {
            if (dependency.startsWith(descriptor.key + ":")) {
                String key = dependency.substring(descriptor.key.length() + 1);
                add(descriptor.webResources.stream().filter(d -> d.key.equals(key)).findFirst()
                        .orElseThrow(() -> new DevHostException("<web-resource key=\"" + m.key + "\"> depends on the unknown " + dependency)),
                        ordered);
            } else if (!dependency.startsWith("com.atlassian.auiplugin:")) {
                throw new DevHostException("<web-resource key=\"" + m.key + "\"> depends on " + dependency + ", which the dev host does not have");
            }
        }
        ordered.add(m);
    }

    private static final java.util.regex.Pattern GET_TEXT =
            java.util.regex.Pattern.compile("AJS\\.I18n\\.getText\\(\\s*(['\"])([\\w.\\-]+)\\1");

    /**
     * Jira's jsI18n transformer: {@code AJS.I18n.getText('key', args)} becomes {@code AJS.format("text", args)}
     * with the text from the plugin's i18n bundles, at serve time.
     */
    String jsI18n(String js) {
        java.util.regex.Matcher m = GET_TEXT.matcher(js);
        StringBuffer out = new StringBuffer();
        while (m.find()) {
            String text = i18n.getRaw(m.group(2));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("AJS.format(" + jsString(text)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String jsString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        int slash = path.indexOf('/');
        String complete = slash < 0 ? path : path.substring(0, slash);
        String name = slash < 0 ? "" : path.substring(slash + 1);
        for (PluginDescriptor.WebResourceModule m : descriptor.webResources) {
            if ((descriptor.key + ":" + m.key).equals(complete) && m.files.containsKey(name)) {
                resp.setContentType(name.endsWith(".js") ? "application/javascript;charset=UTF-8"
                        : name.endsWith(".css") ? "text/css;charset=UTF-8" : "application/octet-stream");
                byte[] content;
                try (InputStream in = WebResources.class.getClassLoader().getResourceAsStream(m.files.get(name))) {
                    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                    byte[] buf = new byte[8192];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        all.write(buf, 0, n);
                    }
                    content = all.toByteArray();
                }
                if (m.jsI18n && name.endsWith(".js")) {
                    content = jsI18n(new String(content, java.nio.charset.StandardCharsets.UTF_8))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                resp.getOutputStream().write(content);
                return;
            }
        }
        resp.sendError(404);
    }
}
