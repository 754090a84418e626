package dev.jirapat.token;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One row of an import file as read, before validation: its line and its cells by column name (upper case), or
 * the problem that made the reader refuse the row's shape. {@link #toString()} shows no cell: one holds a hash.
 */
public final class ImportRecord {
    private final long line;
    private final Map<String, String> cells;
    private final ImportRowError refused;

    private ImportRecord(long line, Map<String, String> cells, ImportRowError refused) {
        this.line = line;
        this.cells = cells;
        this.refused = refused;
    }

    /** A row; {@code cells} by column name in any case, null or empty for an empty cell. */
    public static ImportRecord of(long line, Map<String, String> cells) {
        Map<String, String> upper = new LinkedHashMap<>();
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            upper.put(cell.getKey().trim().toUpperCase(Locale.ROOT), cell.getValue());
        }
        return new ImportRecord(line, Collections.unmodifiableMap(upper), null);
    }

    public static ImportRecord refused(long line, ImportProblem problem, String... arguments) {
        return new ImportRecord(line, Collections.<String, String>emptyMap(), new ImportRowError(line, problem, arguments));
    }

    public long line() {
        return line;
    }

    /** The cell's text, trimmed; empty for a missing or blank cell. */
    Optional<String> cell(String column) {
        String text = cells.get(column);
        return text == null || text.trim().isEmpty() ? Optional.<String>empty() : Optional.of(text.trim());
    }

    /** The cell exactly as written (a name keeps its spaces), or null. */
    String raw(String column) {
        return cells.get(column);
    }

    Optional<ImportRowError> refusal() {
        return Optional.ofNullable(refused);
    }

    @Override
    public String toString() {
        return "ImportRecord[line " + line + (refused == null ? "" : ", " + refused.problem()) + "]";
    }
}
