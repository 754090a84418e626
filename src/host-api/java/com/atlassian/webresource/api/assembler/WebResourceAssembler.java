// Host API declaration (never shipped): follows docs/host-api.md, entry "WebResourceAssembler".
package com.atlassian.webresource.api.assembler;

public interface WebResourceAssembler {
    RequiredResources resources();
}
