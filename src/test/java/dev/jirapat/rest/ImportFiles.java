package dev.jirapat.rest;

import dev.jirapat.token.ImportRecord;

import java.util.List;

/** For tests outside this package: the rows of a CSV export as the import endpoint reads them. */
public final class ImportFiles {
    private ImportFiles() {
    }

    public static List<ImportRecord> csv(String text) {
        try {
            return ImportFile.csv(text).all();
        } catch (ImportFile.Refusal e) {
            throw new AssertionError("refused: " + e.problem + " " + e.detail
                    + (e.csv == null ? "" : " " + e.csv.problem + " at line " + e.csv.line), e);
        }
    }
}
