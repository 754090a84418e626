package dev.jirapat.rest;

import org.codehaus.jackson.annotate.JsonProperty;
import org.codehaus.jackson.annotate.JsonPropertyOrder;
import org.codehaus.jackson.map.annotate.JsonSerialize;

import java.util.List;

/**
 * The answer to an import: {@code imported}, {@code skipped} (imported before), {@code failed} (rows refused),
 * {@code dryRun}, and {@code errors}: the first refused rows, each with its line and a reason for a person.
 */
@JsonPropertyOrder({"imported", "skipped", "failed", "dryRun", "errors"})
public final class ImportReportBean {
    @JsonProperty("imported")
    private final int imported;
    @JsonProperty("skipped")
    private final int skipped;
    @JsonProperty("failed")
    private final int failed;
    @JsonProperty("dryRun")
    private final boolean dryRun;
    @JsonProperty("errors")
    private final List<RowError> errors;

    ImportReportBean(int imported, int skipped, int failed, boolean dryRun, List<RowError> errors) {
        this.imported = imported;
        this.skipped = skipped;
        this.failed = failed;
        this.dryRun = dryRun;
        this.errors = errors;
    }

    /** One refused row. */
    @JsonPropertyOrder({"line", "reason"})
    public static final class RowError {
        @JsonProperty("line")
        private final long line;
        @JsonProperty("reason")
        @JsonSerialize(using = Utf8Text.class)
        private final String reason;

        RowError(long line, String reason) {
            this.line = line;
            this.reason = reason;
        }
    }
}
