package dev.jirapat.token;

import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Use case: import the tokens of Jira's built-in app from an export of its table, so that they keep working
 * unchanged. System administrators only. Rows are validated one by one ({@link BuiltinRow}, a known user, a
 * {@code TOKEN_ID} not earlier in the file) and written {@value #BATCH} per transaction, so memory stays bounded
 * and a 100,000-row file commits in steps; a row whose {@code TOKEN_ID} was imported before is skipped, so an
 * import can be repeated (e.g. after fixing the refused rows). A dry run validates and counts the same way and
 * writes nothing. Expired rows are imported too: their owners see them, and pruning deletes them as ours. An
 * owner may end up over the per-user limit; they then create nothing new until under it. One
 * {@link TokenEvent.Imported} per import with the counts (none for a dry run).
 */
public final class BuiltinImport {
    /** Rows per transaction. */
    public static final int BATCH = 500;

    private final TokenStore store;
    private final Users users;
    private final TokenEvents events;
    private final Clock clock;

    public BuiltinImport(TokenStore store, Users users, TokenEvents events, Clock clock) {
        this.store = store;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Imports the rows {@code records} yields (read lazily, in order). Dates without an offset are in {@code zone}.
     * Must not run inside a caller's transaction.
     */
    public Outcome<ImportReport> run(Actor actor, Iterator<ImportRecord> records, ZoneId zone, boolean dryRun) {
        if (actor.isSystem() || !users.isSystemAdmin(actor.userKey())) {
            return Outcome.rejected(Rejection.NOT_PERMITTED);
        }
        Run run = new Run(dryRun);
        Map<String, BuiltinRow> batch = new LinkedHashMap<>();
        while (records.hasNext()) {
            BuiltinRow row = run.validate(records.next(), zone);
            if (row != null) {
                batch.put(row.tokenId(), row);
            }
            if (batch.size() >= BATCH) {
                run.write(batch);
                batch.clear();
            }
        }
        run.write(batch);
        ImportReport report = new ImportReport(dryRun, run.imported, run.skipped, run.failed, run.errors);
        if (!dryRun) {
            events.publish(new TokenEvent.Imported(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor,
                    run.imported, run.skipped, run.failed));
        }
        return Outcome.of(report);
    }

    /** One import's counts and memory: the users looked up, the ids seen (with their line). */
    private final class Run {
        final boolean dryRun;
        final Map<String, Boolean> knownUsers = new HashMap<>();
        final Map<Long, Long> lineById = new HashMap<>();
        final List<ImportRowError> errors = new ArrayList<>();
        int imported;
        int skipped;
        int failed;

        Run(boolean dryRun) {
            this.dryRun = dryRun;
        }

        BuiltinRow validate(ImportRecord record, ZoneId zone) {
            BuiltinRow.Result parsed = BuiltinRow.parse(record, zone);
            if (parsed.error != null) {
                refuse(parsed.error);
                return null;
            }
            BuiltinRow row = parsed.row;
            Long first = lineById.putIfAbsent(Long.valueOf(row.tokenId()), row.line());
            if (first != null) {
                refuse(new ImportRowError(row.line(), ImportProblem.DUPLICATE, Long.toString(first)));
                return null;
            }
            Boolean known = knownUsers.get(row.userKey());
            if (known == null) {
                known = users.byKey(row.userKey()).isPresent();
                knownUsers.put(row.userKey(), known);
            }
            if (!known) {
                refuse(new ImportRowError(row.line(), ImportProblem.USER_UNKNOWN));
                return null;
            }
            return row;
        }

        void refuse(ImportRowError error) {
            failed++;
            if (errors.size() < ImportReport.MAX_ERRORS) {
                errors.add(error);
            }
        }

        void write(Map<String, BuiltinRow> batch) {
            if (batch.isEmpty()) {
                return;
            }
            if (dryRun) {
                Set<String> before = store.inTransaction(() -> store.importedAmong(batch.keySet()));
                skipped += before.size();
                imported += batch.size() - before.size();
                return;
            }
            try {
                count(store.inTransaction(() -> insertNew(new ArrayList<>(batch.values()))));
            } catch (StoreConflictException e) {
                // One row collides (a concurrent import of the same rows, the same hash under two ids): find which.
                for (BuiltinRow row : batch.values()) {
                    try {
                        count(store.inTransaction(() -> insertNew(Collections.singletonList(row))));
                    } catch (StoreConflictException conflict) {
                        if (store.inTransaction(() -> store.isImported(row.tokenId()))) {
                            skipped++;
                        } else {
                            refuse(new ImportRowError(row.line(), ImportProblem.CONFLICT));
                        }
                    }
                }
            }
        }

        /** Counts a committed write: {stored, skipped}. */
        private void count(int[] written) {
            imported += written[0];
            skipped += written[1];
        }

        /** In a transaction: inserts the rows whose ids are not stored yet; returns {stored, skipped}. */
        private int[] insertNew(List<BuiltinRow> rows) {
            List<String> ids = new ArrayList<>();
            for (BuiltinRow row : rows) {
                ids.add(row.tokenId());
            }
            Set<String> before = store.importedAmong(ids);
            List<AccessToken> fresh = new ArrayList<>();
            for (BuiltinRow row : rows) {
                if (!before.contains(row.tokenId())) {
                    fresh.add(row.toToken());
                }
            }
            int stored = fresh.isEmpty() ? 0 : store.insertImported(fresh);
            return new int[] {stored, rows.size() - fresh.size()};
        }
    }
}
