// Host API declaration (never shipped): follows docs/host-api.md, entry "TemplateRenderer".
// RenderingException is unchecked and not part of the descriptor, so it is not declared.
package com.atlassian.templaterenderer;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

public interface TemplateRenderer {
    void render(String templateName, Map<String, Object> context, Writer writer) throws IOException;
}
