package dev.jirapat.devhost;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The modules of an {@code atlassian-plugin.xml}, read the way the plugin system reads them
 * (docs/host-api.md, "Plugin descriptor"). Only the module types the dev host mounts are kept.
 */
final class PluginDescriptor {
    final String key;
    final List<FilterModule> filters = new ArrayList<>();
    final List<ServletModule> servlets = new ArrayList<>();
    final List<RestModule> rests = new ArrayList<>();
    final List<WebPanelModule> webPanels = new ArrayList<>();
    final List<WebResourceModule> webResources = new ArrayList<>();
    final List<WebItemModule> webItems = new ArrayList<>();
    final List<String> aoEntities = new ArrayList<>();
    final List<String> i18nBundles = new ArrayList<>();
    String aoNamespace;

    private PluginDescriptor(String key) {
        this.key = key;
    }

    static PluginDescriptor parse(InputStream xml, String source) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document doc = builder.parse(xml);
            root = doc.getDocumentElement();
        } catch (Exception e) {
            throw new DevHostException(source + " is not a readable plugin descriptor: " + e.getMessage(), e);
        }
        if (!"atlassian-plugin".equals(root.getTagName())) {
            throw new DevHostException(source + ": the root element must be <atlassian-plugin>");
        }
        PluginDescriptor d = new PluginDescriptor(required(root, "key", source));
        for (Element e : children(root)) {
            String where = source + ": <" + e.getTagName() + " key=\"" + e.getAttribute("key") + "\">";
            switch (e.getTagName()) {
                case "servlet-filter":
                    d.filters.add(new FilterModule(required(e, "key", where), required(e, "class", where),
                            FilterModule.Location.parse(e.getAttribute("location"), where),
                            e.hasAttribute("weight") ? Integer.parseInt(e.getAttribute("weight")) : 100,
                            texts(e, "url-pattern", where, true), texts(e, "dispatcher", where, false)));
                    break;
                case "servlet":
                    d.servlets.add(new ServletModule(required(e, "key", where), required(e, "class", where),
                            texts(e, "url-pattern", where, true)));
                    break;
                case "rest":
                    String path = required(e, "path", where);
                    if (!path.startsWith("/")) {
                        throw new DevHostException(where + " path must start with '/'");
                    }
                    d.rests.add(new RestModule(required(e, "key", where), path, required(e, "version", where),
                            texts(e, "package", where, false)));
                    break;
                case "web-panel":
                    Element provider = child(e, "context-provider");
                    Element view = null;
                    for (Element r : childrenNamed(e, "resource")) {
                        if ("view".equals(r.getAttribute("name"))) {
                            view = r;
                        }
                    }
                    if (view == null) {
                        throw new DevHostException(where + " has no <resource name=\"view\">");
                    }
                    d.webPanels.add(new WebPanelModule(required(e, "key", where), required(e, "location", where),
                            e.hasAttribute("weight") ? Integer.parseInt(e.getAttribute("weight")) : 100,
                            provider == null ? null : required(provider, "class", where), required(view, "location", where)));
                    break;
                case "web-resource":
                    Map<String, String> files = new LinkedHashMap<>();
                    for (Element r : childrenNamed(e, "resource")) {
                        files.put(required(r, "name", where), required(r, "location", where));
                    }
                    boolean jsI18n = false;
                    for (Element transformation : childrenNamed(e, "transformation")) {
                        for (Element transformer : childrenNamed(transformation, "transformer")) {
                            jsI18n |= "js".equals(transformation.getAttribute("extension")) && "jsI18n".equals(transformer.getAttribute("key"));
                        }
                    }
                    d.webResources.add(new WebResourceModule(required(e, "key", where), files,
                            texts(e, "dependency", where, false), texts(e, "context", where, false), jsI18n));
                    break;
                case "web-item":
                    Element label = child(e, "label");
                    Element link = child(e, "link");
                    d.webItems.add(new WebItemModule(required(e, "key", where), required(e, "section", where),
                            label == null ? e.getAttribute("key") : label.getAttribute("key"),
                            link == null ? "" : link.getTextContent().trim()));
                    break;
                case "ao":
                    d.aoNamespace = e.getAttribute("namespace");
                    d.aoEntities.addAll(texts(e, "entity", where, true));
                    break;
                case "resource":
                    if ("i18n".equals(e.getAttribute("type"))) {
                        d.i18nBundles.add(required(e, "location", where));
                    }
                    break;
                default:
                    break; // plugin-info, velocity-allowlist, …: nothing to mount
            }
        }
        return d;
    }

    private static String required(Element e, String attribute, String where) {
        String value = e.getAttribute(attribute).trim();
        if (value.isEmpty()) {
            throw new DevHostException(where + " is missing the attribute '" + attribute + "'");
        }
        return value;
    }

    private static List<String> texts(Element e, String child, String where, boolean atLeastOne) {
        List<String> out = new ArrayList<>();
        for (Element c : childrenNamed(e, child)) {
            out.add(c.getTextContent().trim());
        }
        if (atLeastOne && out.isEmpty()) {
            throw new DevHostException(where + " needs at least one <" + child + ">");
        }
        return Collections.unmodifiableList(out);
    }

    private static Element child(Element e, String name) {
        List<Element> all = childrenNamed(e, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> childrenNamed(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Element c : children(e)) {
            if (c.getTagName().equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    static final class FilterModule {
        enum Location {
            AFTER_ENCODING, BEFORE_LOGIN, BEFORE_DECORATION, BEFORE_DISPATCH;

            static Location parse(String text, String where) {
                if (text == null || text.isEmpty()) {
                    return BEFORE_DISPATCH;
                }
                try {
                    return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
                } catch (IllegalArgumentException e) {
                    throw new DevHostException(where + " has an unknown location '" + text + "'");
                }
            }
        }

        final String key;
        final String className;
        final Location location;
        final int weight;
        final List<String> urlPatterns;
        final List<String> dispatchers;

        FilterModule(String key, String className, Location location, int weight, List<String> urlPatterns, List<String> dispatchers) {
            this.key = key;
            this.className = className;
            this.location = location;
            this.weight = weight;
            this.urlPatterns = urlPatterns;
            this.dispatchers = dispatchers.isEmpty() ? Collections.singletonList("REQUEST") : dispatchers;
        }
    }

    static final class ServletModule {
        final String key;
        final String className;
        final List<String> urlPatterns;

        ServletModule(String key, String className, List<String> urlPatterns) {
            this.key = key;
            this.className = className;
            this.urlPatterns = urlPatterns;
        }
    }

    static final class RestModule {
        final String key;
        final String path;
        final String version;
        final List<String> packages;

        RestModule(String key, String path, String version, List<String> packages) {
            this.key = key;
            this.path = path;
            this.version = version;
            this.packages = packages;
        }
    }

    static final class WebPanelModule {
        final String key;
        final String location;
        final int weight;
        final String contextProviderClass;
        final String viewLocation;

        WebPanelModule(String key, String location, int weight, String contextProviderClass, String viewLocation) {
            this.key = key;
            this.location = location;
            this.weight = weight;
            this.contextProviderClass = contextProviderClass;
            this.viewLocation = viewLocation;
        }
    }

    static final class WebResourceModule {
        final String key;
        final Map<String, String> files;
        final List<String> dependencies;
        final List<String> contexts;
        final boolean jsI18n;

        WebResourceModule(String key, Map<String, String> files, List<String> dependencies, List<String> contexts, boolean jsI18n) {
            this.key = key;
            this.files = files;
            this.dependencies = dependencies;
            this.contexts = contexts;
            this.jsI18n = jsI18n;
        }
    }

    static final class WebItemModule {
        final String key;
        final String section;
        final String labelKey;
        final String link;

        WebItemModule(String key, String section, String labelKey, String link) {
            this.key = key;
            this.section = section;
            this.labelKey = labelKey;
            this.link = link;
        }
    }
}
