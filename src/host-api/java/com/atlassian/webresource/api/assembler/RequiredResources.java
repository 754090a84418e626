// Host API declaration (never shipped): reference/host-api-facts.md §9 (RequiredResources).
package com.atlassian.webresource.api.assembler;

public interface RequiredResources {
    RequiredResources requireWebResource(String completeKey);
}
