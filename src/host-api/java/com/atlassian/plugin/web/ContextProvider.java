// Host API declaration (never shipped): follows docs/host-api.md, entry "ContextProvider".
// The host's init() declares "throws PluginParseException"; a throws clause is not part of the method descriptor,
// so it is left out.
package com.atlassian.plugin.web;

import java.util.Map;

public interface ContextProvider {
    void init(Map<String, String> params);

    Map<String, Object> getContextMap(Map<String, Object> context);
}
