package dev.jirapat.token;

import java.util.Collections;
import java.util.List;

/**
 * What an import did (or, for a dry run, would do): rows imported, skipped (imported before: an import may be
 * repeated), refused; and the first {@value #MAX_ERRORS} refused rows with why.
 */
public final class ImportReport {
    /** Row errors listed per answer; the count of refused rows is always complete. */
    public static final int MAX_ERRORS = 1000;

    private final boolean dryRun;
    private final int imported;
    private final int skipped;
    private final int failed;
    private final List<ImportRowError> errors;

    ImportReport(boolean dryRun, int imported, int skipped, int failed, List<ImportRowError> errors) {
        this.dryRun = dryRun;
        this.imported = imported;
        this.skipped = skipped;
        this.failed = failed;
        this.errors = Collections.unmodifiableList(errors);
    }

    public boolean dryRun() {
        return dryRun;
    }

    public int imported() {
        return imported;
    }

    public int skipped() {
        return skipped;
    }

    public int failed() {
        return failed;
    }

    public List<ImportRowError> errors() {
        return errors;
    }

    @Override
    public String toString() {
        return "ImportReport[" + (dryRun ? "dry run, " : "") + "imported=" + imported + ", skipped=" + skipped
                + ", failed=" + failed + "]";
    }
}
