// Host API declaration (never shipped): follows docs/host-api.md, entry "PageBuilderService".
package com.atlassian.webresource.api.assembler;

public interface PageBuilderService {
    WebResourceAssembler assembler();
}
