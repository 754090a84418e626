// Host API declaration (never shipped): reference/host-api-facts.md §9 (PageBuilderService).
package com.atlassian.webresource.api.assembler;

public interface PageBuilderService {
    WebResourceAssembler assembler();
}
