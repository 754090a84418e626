package dev.jirapat.devhost;

import java.util.LinkedHashMap;
import java.util.Map;

/** The services the host exports to plugins, by interface: what {@code <osgi:reference>} finds. */
public final class HostServices {
    private final Map<String, Object> byInterface = new LinkedHashMap<>();
    private final Map<String, Object> exported = new LinkedHashMap<>();

    public <T> HostServices add(Class<T> type, T service) {
        byInterface.put(type.getName(), service);
        return this;
    }

    Object lookup(String interfaceName) {
        Object service = byInterface.get(interfaceName);
        if (service == null) {
            throw new DevHostException("plugin-context.xml references the host service " + interfaceName
                    + ", which the dev host does not provide (a real Jira would wait for it and then fail the plugin)");
        }
        return service;
    }

    void export(String interfaceName, Object bean) {
        exported.put(interfaceName, bean);
    }

    /** Beans the plugin exported with {@code <osgi:service>}, by interface. */
    Map<String, Object> exported() {
        return exported;
    }
}
