// Host API declaration (never shipped): reference/host-api-facts.md §9 (ContextProvider). The host's init()
// declares "throws PluginParseException"; a throws clause is not part of the method descriptor, so it is left out.
package com.atlassian.plugin.web;

import java.util.Map;

public interface ContextProvider {
    void init(Map<String, String> params);

    Map<String, Object> getContextMap(Map<String, Object> context);
}
