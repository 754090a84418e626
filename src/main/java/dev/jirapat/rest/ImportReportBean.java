package dev.jirapat.rest;

import java.util.List;

/**
 * The answer to an import: {@code imported}, {@code skipped} (imported before), {@code failed} (rows refused),
 * {@code dryRun}, and {@code errors}: the first refused rows, each with its line and a reason for a person.
 */
public final class ImportReportBean implements JsonWritable {
    private final int imported;
    private final int skipped;
    private final int failed;
    private final boolean dryRun;
    private final List<RowError> errors;

    ImportReportBean(int imported, int skipped, int failed, boolean dryRun, List<RowError> errors) {
        this.imported = imported;
        this.skipped = skipped;
        this.failed = failed;
        this.dryRun = dryRun;
        this.errors = errors;
    }

    @Override
    public void writeJson(JsonWriter out) {
        out.beginObject()
                .field("imported", imported)
                .field("skipped", skipped)
                .field("failed", failed)
                .field("dryRun", dryRun)
                .field("errors", errors)
                .endObject();
    }

    /** One refused row; the reason may quote the row's text, so it is written as text a user chose. */
    public static final class RowError implements JsonWritable {
        private final long line;
        private final String reason;

        RowError(long line, String reason) {
            this.line = line;
            this.reason = reason;
        }

        @Override
        public void writeJson(JsonWriter out) {
            out.beginObject().field("line", line).userTextField("reason", reason).endObject();
        }
    }
}
