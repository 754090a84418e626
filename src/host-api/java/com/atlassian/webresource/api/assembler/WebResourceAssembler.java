// Host API declaration (never shipped): reference/host-api-facts.md §9 (WebResourceAssembler).
package com.atlassian.webresource.api.assembler;

public interface WebResourceAssembler {
    RequiredResources resources();
}
