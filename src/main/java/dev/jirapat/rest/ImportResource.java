package dev.jirapat.rest;

import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import dev.jirapat.token.Actor;
import dev.jirapat.token.BuiltinImport;
import dev.jirapat.token.BuiltinRow;
import dev.jirapat.token.ImportReport;
import dev.jirapat.token.ImportRowError;
import dev.jirapat.token.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.inject.Inject;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * {@code POST /admin/import/builtin}: system administrators import the tokens of Jira's built-in app from an export
 * of its table ({@code text/csv} with a header row, or {@code application/json}, an array of objects), so that
 * they keep working. {@code ?dryRun=true} validates and reports without writing; {@code ?timeZone=} is the zone of
 * dates written without an offset (default UTC). A file refused for its shape (type, size, encoding, header) is a
 * 4xx and imports nothing; refused rows are listed in the 200 answer. At most {@value #MAX_BYTES} bytes and
 * {@value ImportFile#MAX_ROWS} rows of CSV ({@value #MAX_JSON_BYTES} bytes and 10,000 rows of JSON); the body is kept
 * in a temporary file while it is read twice, so memory does not grow with it. One import at a time per node.
 */
@UnrestrictedAccess
@Path("/admin/import")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportResource {
    /** Bytes per CSV file: 200,000 rows of a real export (about 200 bytes each) with room to spare. */
    static final int MAX_BYTES = 64 * 1024 * 1024;
    /** Bytes per JSON file: read as one string and one tree of at most 10,000 rows. */
    static final int MAX_JSON_BYTES = 8 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ImportResource.class);

    private final BuiltinImport imports;
    private final Callers callers;
    private final JsonBody json;
    private final Refusals refusals;
    private final Messages messages;
    /**
     * Imports write in batches through one database; two at once on one node gain nothing. Static: the REST
     * runtime may create a resource per request.
     */
    private static final Semaphore RUNNING = new Semaphore(1);

    @Inject
    public ImportResource(BuiltinImport imports, Callers callers, JsonBody json, Refusals refusals, Messages messages) {
        this.imports = imports;
        this.callers = callers;
        this.json = json;
        this.refusals = refusals;
        this.messages = messages;
    }

    @POST
    @Path("builtin")
    public Response importBuiltin(@Context HttpServletRequest request, @QueryParam("dryRun") String dryRun,
                                          @QueryParam("timeZone") String timeZone, InputStream body) {
        Actor actor = callers.requireAdmin(request);
        boolean dry = dryRun(dryRun);
        ZoneId zone = zone(timeZone);
        ImportFile.Format format = ImportFile.format(request.getContentType());
        if (format == null) {
            throw new ApiException(415, ApiException.WEB_APPLICATION, messages.get("pat.import.error.media.type"));
        }
        requireUtf8(request.getContentType());
        if (!RUNNING.tryAcquire()) {
            throw new ApiException(409, ApiException.WEB_APPLICATION, messages.get("pat.import.error.busy"));
        }
        try (ImportBody text = body(request, format, body); ImportFile file = file(format, text)) {
            Outcome<ImportReport> report = imports.run(actor, file.records(), zone, dry);
            if (report.isRejected()) {
                throw refusals.of(report.rejection(), actor);
            }
            log.info("{} tokens of Jira's built-in app from {} bytes: {}", dry ? "Dry run of an import of" : "Imported",
                    text.size(), report.value());
            return JsonResponse.builder(200, JsonResponse.JSON_UTF8, bean(report.value())).build();
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the import's body in a temporary file", e);
        } finally {
            RUNNING.release();
        }
    }

    private boolean dryRun(String text) {
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badRequest(messages.get("pat.import.error.dry.run"));
    }

    private ZoneId zone(String text) {
        if (text == null || text.trim().isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw ApiException.badRequest(messages.get("pat.import.error.time.zone", Messages.quote(text)));
        }
    }

    private void requireUtf8(String contentType) {
        try {
            JsonBody.requireUtf8(contentType);
        } catch (JsonRefusal refusal) {
            throw ApiException.badRequest(messages.get("pat.import.error.charset"));
        }
    }

    /** The body in a temporary file, checked for size and encoding; JSON bodies are smaller (read as one string). */
    private ImportBody body(HttpServletRequest request, ImportFile.Format format, InputStream in) throws IOException {
        long max = format == ImportFile.Format.CSV ? MAX_BYTES : MAX_JSON_BYTES;
        try {
            return ImportBody.spool(request.getContentLengthLong(), in, max);
        } catch (ImportBody.Refusal refusal) {
            throw refused(refusal, max);
        }
    }

    private ApiException refused(ImportBody.Refusal refusal, long max) {
        switch (refusal.problem) {
            case TOO_LARGE:
                return new ApiException(413, ApiException.WEB_APPLICATION, messages.get("pat.import.error.too.large", max));
            case INVALID_UTF8:
                return ApiException.badRequest(messages.get("pat.import.error.invalid.utf8", refusal.byteNumber));
            case NOT_UTF8:
                return ApiException.badRequest(messages.get("pat.import.error.not.utf8"));
            default:
                return ApiException.badRequest(messages.get(Messages.BODY_UNREADABLE));
        }
    }

    private ImportFile file(ImportFile.Format format, ImportBody body) throws IOException {
        try {
            if (format == ImportFile.Format.CSV) {
                return ImportFile.csv(body::reader);
            }
            String text = body.text();
            if (text.trim().isEmpty()) {
                throw new ImportFile.Refusal(ImportFile.Problem.NO_HEADER, null, null);
            }
            try {
                return ImportFile.json(JsonText.parse(text));
            } catch (JsonRefusal refusal) {
                throw json.error(refusal);
            }
        } catch (ImportFile.Refusal refusal) {
            throw refused(refusal);
        }
    }

    private ApiException refused(ImportFile.Refusal refusal) {
        switch (refusal.problem) {
            case TOO_MANY_ROWS:
                return new ApiException(413, ApiException.WEB_APPLICATION,
                        messages.get("pat.import.error.too.many.rows", refusal.detail));
            case NO_HEADER:
                return ApiException.badRequest(messages.get("pat.import.error.no.header", String.join(", ", BuiltinRow.REQUIRED)));
            case MISSING_COLUMNS:
                return ApiException.badRequest(messages.get("pat.import.error.missing.columns", refusal.detail));
            case COLUMN_TWICE:
                return ApiException.badRequest(messages.get("pat.import.error.column.twice", refusal.detail));
            case NOT_ARRAY:
                return ApiException.badRequest(messages.get("pat.import.error.not.array"));
            case NOT_OBJECT:
                return ApiException.badRequest(messages.get("pat.import.error.not.object", refusal.detail));
            case CSV:
            default:
                CsvReader.Refusal csv = refusal.csv;
                return ApiException.badRequest(messages.get("pat.import.error.csv."
                        + csv.problem.name().toLowerCase(Locale.ROOT).replace('_', '.'), csv.line));
        }
    }

    private ImportReportBean bean(ImportReport report) {
        List<ImportReportBean.RowError> errors = new ArrayList<>();
        for (ImportRowError error : report.errors()) {
            errors.add(new ImportReportBean.RowError(error.line(),
                    messages.get(error.problem().key(), error.arguments().toArray())));
        }
        return new ImportReportBean(report.imported(), report.skipped(), report.failed(), report.dryRun(), errors);
    }
}
