package dev.jirapat.rest;

import dev.jirapat.token.Actor;
import dev.jirapat.token.BuiltinImport;
import dev.jirapat.token.BuiltinRow;
import dev.jirapat.token.ImportReport;
import dev.jirapat.token.ImportRowError;
import dev.jirapat.token.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * 4xx and imports nothing; refused rows are listed in the 200 answer. At most {@value #MAX_BYTES} bytes (the body
 * is held in memory while it is read twice), {@value ImportFile#MAX_ROWS} CSV rows, one import at a time per node.
 */
@Path("/admin/import")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportResource {
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ImportResource.class);

    private final BuiltinImport imports;
    private final Callers callers;
    private final JsonBody json;
    private final Refusals refusals;
    private final Messages messages;
    /** An import holds up to two copies of a 16 MiB file; two at once on one node gain nothing. */
    private final Semaphore running = new Semaphore(1);

    public ImportResource(BuiltinImport imports, Callers callers, JsonBody json, Refusals refusals, Messages messages) {
        this.imports = imports;
        this.callers = callers;
        this.json = json;
        this.refusals = refusals;
        this.messages = messages;
    }

    @POST
    @Path("builtin")
    public ImportReportBean importBuiltin(@Context HttpServletRequest request, @QueryParam("dryRun") String dryRun,
                                          @QueryParam("timeZone") String timeZone, InputStream body) {
        Actor actor = callers.requireAdmin(request);
        boolean dry = dryRun(dryRun);
        ZoneId zone = zone(timeZone);
        ImportFile.Format format = ImportFile.format(request.getContentType());
        if (format == null) {
            throw new ApiException(415, ApiException.WEB_APPLICATION, messages.get("pat.import.error.media.type"));
        }
        requireUtf8(request.getContentType());
        if (!running.tryAcquire()) {
            throw new ApiException(409, ApiException.WEB_APPLICATION, messages.get("pat.import.error.busy"));
        }
        try {
            ImportFile file = file(format, text(bytes(request.getContentLengthLong(), body)));
            Outcome<ImportReport> report = imports.run(actor, file.records(), zone, dry);
            if (report.isRejected()) {
                throw refusals.of(report.rejection(), actor);
            }
            log.info("{} tokens of Jira's built-in app: {}", dry ? "Dry run of an import of" : "Imported", report.value());
            return bean(report.value());
        } finally {
            running.release();
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

    /** The body, at most {@value #MAX_BYTES} bytes: a larger declared length is refused before reading. */
    private byte[] bytes(long contentLength, InputStream in) {
        if (contentLength > MAX_BYTES) {
            throw tooLarge();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(contentLength > 0 ? (int) contentLength : 64 * 1024);
        if (in == null) {
            return out.toByteArray();
        }
        byte[] buffer = new byte[64 * 1024];
        try {
            while (true) {
                int n = in.read(buffer, 0, Math.min(buffer.length, MAX_BYTES + 1 - out.size()));
                if (n < 0) {
                    return out.toByteArray();
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw tooLarge();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ApiException) {
                throw (ApiException) unreadable;
            }
            log.debug("An import body could not be read ({})", unreadable.getClass().getName());
            throw ApiException.badRequest(messages.get(Messages.BODY_UNREADABLE));
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, ApiException.WEB_APPLICATION, messages.get("pat.import.error.too.large", MAX_BYTES));
    }

    /** Strict UTF-8, a byte order mark skipped (the JSON reader's decoding): a file in another encoding is refused. */
    private String text(byte[] bytes) {
        try {
            return JsonBody.decode(bytes);
        } catch (JsonRefusal refusal) {
            if (refusal.problem() == JsonRefusal.Problem.INVALID_UTF8) {
                throw ApiException.badRequest(messages.get("pat.import.error.invalid.utf8", refusal.byteNumber()));
            }
            throw ApiException.badRequest(messages.get("pat.import.error.not.utf8"));
        }
    }

    private ImportFile file(ImportFile.Format format, String text) {
        try {
            if (format == ImportFile.Format.CSV) {
                return ImportFile.csv(text);
            }
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
