package dev.jirapat.rest;

import dev.jirapat.token.BuiltinRow;
import dev.jirapat.token.ImportProblem;
import dev.jirapat.token.ImportRecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An export of the built-in app's token table, as text: CSV with a header row, or a JSON array of objects, both
 * naming the table's columns (any order, any case). Read twice: {@link #read} checks the whole file's shape before
 * anything is imported (so a file refused for its shape imports nothing), {@link #records} then yields its rows one
 * at a time for the import. Rows whose cells are wrong are the import's row errors, not the file's.
 */
final class ImportFile implements Closeable {
    /** Rows per file (CSV); more is a 413. */
    static final int MAX_ROWS = 200_000;
    /** Rows per JSON file: the strict JSON reader's array limit. Larger exports go as CSV. */
    static final int MAX_JSON_ROWS = JsonInput.MAX_ELEMENTS;

    enum Format { CSV, JSON }

    /** Where the text is read from, from its start, as often as needed. */
    interface Source {
        Reader open() throws IOException;
    }

    /** Why the file's shape is refused. */
    enum Problem { TOO_MANY_ROWS, NO_HEADER, MISSING_COLUMNS, COLUMN_TWICE, CSV, NOT_ARRAY, NOT_OBJECT }

    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final Problem problem;
        final String detail;
        final CsvReader.Refusal csv;

        Refusal(Problem problem, String detail, CsvReader.Refusal csv) {
            super(problem.name(), null, false, false);
            this.problem = problem;
            this.detail = detail;
            this.csv = csv;
        }
    }

    private final Format format;
    private final Source source;
    private final List<JsonInput> elements;
    private final int rows;
    private Reader open;

    private ImportFile(Format format, Source source, List<JsonInput> elements, int rows) {
        this.format = format;
        this.source = source;
        this.elements = elements;
        this.rows = rows;
    }

    /** The format a {@code Content-Type} names ({@code text/csv} or {@code application/json}); null for others. */
    static Format format(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("text/csv") ? Format.CSV : type.equals("application/json") ? Format.JSON : null;
    }

    static ImportFile csv(String text) throws Refusal {
        try {
            return csv(() -> new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string does not fail
        }
    }

    /** Checks the whole CSV text (header, syntax, row count) without keeping it. */
    static ImportFile csv(Source source) throws Refusal, IOException {
        try (Reader in = source.open()) {
            return csv(source, new CsvReader(in));
        }
    }

    private static ImportFile csv(Source source, CsvReader reader) throws Refusal, IOException {
        try {
            List<String> header = reader.next();
            if (header == null) {
                throw new Refusal(Problem.NO_HEADER, null, null);
            }
            checkColumns(header);
            int rows = 0;
            while (reader.next() != null) {
                if (++rows > MAX_ROWS) {
                    throw new Refusal(Problem.TOO_MANY_ROWS, Integer.toString(MAX_ROWS), null);
                }
            }
            return new ImportFile(Format.CSV, source, null, rows);
        } catch (CsvReader.Refusal e) {
            throw new Refusal(Problem.CSV, null, e);
        }
    }

    static ImportFile json(JsonInput value) throws Refusal {
        if (value.kind() != JsonInput.Kind.ARRAY) {
            throw new Refusal(Problem.NOT_ARRAY, null, null);
        }
        if (value.truncated()) {
            throw new Refusal(Problem.TOO_MANY_ROWS, Integer.toString(MAX_JSON_ROWS), null);
        }
        Set<String> columns = new HashSet<>();
        for (int i = 0; i < value.elements().size(); i++) {
            JsonInput element = value.elements().get(i);
            if (element.kind() != JsonInput.Kind.OBJECT) {
                throw new Refusal(Problem.NOT_OBJECT, Integer.toString(i + 1), null);
            }
            for (String name : element.members().keySet()) {
                columns.add(name.trim().toUpperCase(Locale.ROOT));
            }
        }
        if (!value.elements().isEmpty()) {
            List<String> missing = BuiltinRow.missingColumns(columns);
            if (!missing.isEmpty()) {
                throw new Refusal(Problem.MISSING_COLUMNS, String.join(", ", missing), null);
            }
        }
        return new ImportFile(Format.JSON, null, value.elements(), value.elements().size());
    }

    private static void checkColumns(List<String> header) throws Refusal {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            String name = column.trim().toUpperCase(Locale.ROOT);
            if (!name.isEmpty() && !seen.add(name)) {
                throw new Refusal(Problem.COLUMN_TWICE, Messages.quote(name), null);
            }
        }
        List<String> missing = BuiltinRow.missingColumns(header);
        if (missing.size() == BuiltinRow.REQUIRED.size()) {
            throw new Refusal(Problem.NO_HEADER, String.join(", ", missing), null);
        }
        if (!missing.isEmpty()) {
            throw new Refusal(Problem.MISSING_COLUMNS, String.join(", ", missing), null);
        }
    }

    Format format() {
        return format;
    }

    /** Data rows (without the header). */
    int rows() {
        return rows;
    }

    /** The rows, read lazily; the file's shape was checked by {@link #csv} or {@link #json}. */
    Iterator<ImportRecord> records() {
        return format == Format.CSV ? csvRecords() : jsonRecords();
    }

    private Iterator<ImportRecord> csvRecords() {
        try {
            close();
            open = source.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CsvReader reader = new CsvReader(open);
        List<String> header = read(reader);
        return new Iterator<ImportRecord>() {
            private List<String> next = read(reader);

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ImportRecord next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                List<String> fields = next;
                long line = reader.recordLine();
                next = read(reader);
                if (fields.size() != header.size()) {
                    return ImportRecord.refused(line, ImportProblem.FIELD_COUNT, Integer.toString(header.size()),
                            Integer.toString(fields.size()));
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), fields.get(i));
                }
                return ImportRecord.of(line, cells);
            }
        };
    }

    private static List<String> read(CsvReader reader) {
        try {
            return reader.next();
        } catch (CsvReader.Refusal e) {
            throw new IllegalStateException("the file was checked before", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the text the rows are being read from, if any. */
    @Override
    public void close() throws IOException {
        if (open != null) {
            open.close();
            open = null;
        }
    }

    private Iterator<ImportRecord> jsonRecords() {
        Iterator<JsonInput> it = elements.iterator();
        return new Iterator<ImportRecord>() {
            private long position;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ImportRecord next() {
                JsonInput element = it.next();
                long line = ++position;
                Map<String, String> cells = new LinkedHashMap<>();
                Set<String> names = new LinkedHashSet<>();
                for (Map.Entry<String, JsonInput> member : element.members().entrySet()) {
                    String name = member.getKey().trim().toUpperCase(Locale.ROOT);
                    if (!names.add(name)) {
                        return ImportRecord.refused(line, ImportProblem.COLUMN_TWICE, Messages.quote(name));
                    }
                    JsonInput value = member.getValue();
                    switch (value.kind()) {
                        case STRING:
                        case INTEGER:
                        case DECIMAL:
                            cells.put(name, value.text());
                            break;
                        case NULL:
                            cells.put(name, null);
                            break;
                        default:
                            return ImportRecord.refused(line, ImportProblem.VALUE_NOT_TEXT, Messages.quote(name));
                    }
                }
                return ImportRecord.of(line, cells);
            }
        };
    }

    /** For tests: every record at once. */
    List<ImportRecord> all() {
        List<ImportRecord> out = new ArrayList<>();
        records().forEachRemaining(out::add);
        return Collections.unmodifiableList(out);
    }
}
