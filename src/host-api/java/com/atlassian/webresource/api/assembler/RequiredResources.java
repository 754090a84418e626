// Host API declaration (never shipped): follows docs/host-api.md, entry "RequiredResources".
package com.atlassian.webresource.api.assembler;

public interface RequiredResources {
    RequiredResources requireWebResource(String completeKey);
}
