// Host API declaration (never shipped): follows docs/host-api.md, entry "AuditService".
// Only the member we call. Imported optionally: a Jira without the audit API still installs the plugin.
package com.atlassian.audit.api;

import com.atlassian.audit.entity.AuditEvent;

public interface AuditService {
    void audit(AuditEvent event);
}
