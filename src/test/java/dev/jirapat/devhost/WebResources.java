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

    WebResources(PluginDescriptor descriptor) {
        this.descriptor = descriptor;
        for (PluginDescriptor.WebResourceModule m : descriptor.webResources) {
            for (Map.Entry<String, String> file : m.files.entrySet()) {
                if (WebResources.class.getClassLoader().getResource(file.getValue()) == null) {
                    throw new DevHostException("<web-resource key=\"" + m.key + "\"> names " + file.getValue() + ", which does not exist");
                }
            }
            add(m, new LinkedHashSet<>()); // an unknown dependency fails the start, not the first page
        }
    }

    /** Tags for every web resource in {@code context}, each after its dependencies. */
    String tagsFor(HttpServletRequest req, String context) {
        Set<PluginDescriptor.WebResourceModule> ordered = new LinkedHashSet<>();
        for (PluginDescriptor.WebResourceModule m : descriptor.webResources) {
            if (m.contexts.contains(context)) {
                add(m, ordered);
            }
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
                try (InputStream in = WebResources.class.getClassLoader().getResourceAsStream(m.files.get(name))) {
                    byte[] buf = new byte[8192];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        resp.getOutputStream().write(buf, 0, n);
                    }
                }
                return;
            }
        }
        resp.sendError(404);
    }
}
