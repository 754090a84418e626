package dev.jirapat.token;

import dev.jirapat.testing.FakeUsers;
import dev.jirapat.testing.InMemoryTokenStore;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * The import use case: each row error, duplicates, re-import skipped, dry run writes nothing, batches, counts,
 * permissions, one event per import.
 */
public class BuiltinImportTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Actor ADMIN = Actor.user(FakeUsers.key("admin"));

    private final InMemoryTokenStore stored = new InMemoryTokenStore();
    private final AtomicInteger transactions = new AtomicInteger();
    private final TokenStore store = new ForwardingTokenStore(stored) {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            transactions.incrementAndGet();
            return super.inTransaction(work);
        }
    };
    private final FakeUsers users = FakeUsers.fixture();
    private final List<TokenEvent> events = new ArrayList<>();
    private final BuiltinImport imports = new BuiltinImport(store, users, events::add, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, String> row(String tokenId) {
        Map<String, String> cells = new HashMap<>();
        cells.put("ID", "17");
        cells.put("TOKEN_ID", tokenId);
        cells.put("USER_KEY", FakeUsers.key("alice"));
        cells.put("NAME", "deploy");
        cells.put("HASHED_TOKEN", BuiltinFixtures.someHash());
        cells.put("CREATED_AT", "2026-01-31 09:15:00.123");
        cells.put("EXPIRING_AT", "2026-12-31 09:15:00.123");
        cells.put("LAST_ACCESSED_AT", "");
        cells.put("NOTIFICATION_STATE", "NOT_SENT");
        return cells;
    }

    private ImportReport run(boolean dryRun, List<Map<String, String>> rows) {
        return run(dryRun, ZoneOffset.UTC, rows);
    }

    private ImportReport run(boolean dryRun, ZoneId zone, List<Map<String, String>> rows) {
        List<ImportRecord> records = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            records.add(ImportRecord.of(i + 2, rows.get(i)));
        }
        return imports.run(ADMIN, records.iterator(), zone, dryRun).value();
    }

    private static Map<String, String> with(Map<String, String> row, String column, String value) {
        Map<String, String> out = new HashMap<>(row);
        out.put(column, value);
        return out;
    }

    private ImportRowError onlyError(Map<String, String> row) {
        ImportReport report = run(false, Arrays.asList(row));
        assertEquals(0, report.imported());
        assertEquals(1, report.failed());
        assertEquals(1, report.errors().size());
        return report.errors().get(0);
    }

    @Test
    public void importWhenRowValidThenStoredAsImportedTokenOfItsOwner() {
        Map<String, String> cells = with(with(row("123456789012"), "LAST_ACCESSED_AT", "2026-02-01 08:00:00+00"),
                "NAME", "=cmd|' /C calc'!A0");

        ImportReport report = run(false, Arrays.asList(cells));

        assertEquals("ImportReport[imported=1, skipped=0, failed=0]", report.toString());
        AccessToken token = stored.findByBuiltinId("123456789012").get();
        assertEquals(FakeUsers.key("alice"), token.ownerKey());
        assertEquals(FakeUsers.key("alice"), token.createdBy());
        assertEquals("a formula is only text: stored as typed", "=cmd|' /C calc'!A0", token.name());
        assertEquals(Instant.parse("2026-01-31T09:15:00.123Z"), token.createdAt());
        assertEquals(Instant.parse("2026-12-31T09:15:00.123Z"), token.expiresAt().get());
        assertEquals(Instant.parse("2026-02-01T08:00:00Z"), token.lastUsedAt().get());
        assertEquals(Scope.WRITE, token.scope());
        assertTrue(token.allowedIps().isEmpty());
        assertEquals(Pkcs5s2Hash.ALGORITHM, token.hashAlgorithm());
        assertEquals(cells.get("HASHED_TOKEN"), token.hash());
        assertEquals(TokenOrigin.BUILTIN, token.origin());
        assertEquals("MTIzNDU2\u2026", token.hint());
        assertFalse("no hash in the printed token", token.toString().contains(cells.get("HASHED_TOKEN").substring(9)));
    }

    @Test
    public void importWhenTheBuiltinAppSentNoticesThenOursDoNotRepeatThem() {
        run(false, Arrays.asList(with(row("000000000011"), "NOTIFICATION_STATE", "NOT_SENT"),
                with(row("000000000012"), "NOTIFICATION_STATE", "EXPIRE_SOON_SENT"),
                with(row("000000000013"), "NOTIFICATION_STATE", "EXPIRED_SENT"),
                with(row("000000000014"), "NOTIFICATION_STATE", "")));

        assertFalse(stored.findByBuiltinId("000000000011").get().noticeSent().isPresent());
        NoticeStage soon = stored.findByBuiltinId("000000000012").get().noticeSent().get();
        assertFalse("no further expires-soon notice", NoticeStage.expiresWithin(1).isAfter(soon));
        assertTrue("the notice at expiry is still due", NoticeStage.EXPIRED.isAfter(soon));
        assertEquals(NoticeStage.EXPIRED, stored.findByBuiltinId("000000000013").get().noticeSent().get());
        assertFalse(stored.findByBuiltinId("000000000014").get().noticeSent().isPresent());
    }

    @Test
    public void importWhenExpiryIsTheBuiltinNeverSentinelThenNeverExpires() {
        run(false, Arrays.asList(with(row("000000000001"), "EXPIRING_AT", "9999-12-31 00:00:00"),
                with(row("000000000002"), "EXPIRING_AT", "9999-12-31T00:00:00.000+00:00")));
        assertFalse(stored.findByBuiltinId("000000000001").get().expiresAt().isPresent());
        assertFalse(stored.findByBuiltinId("000000000002").get().expiresAt().isPresent());
    }

    @Test
    public void importWhenDatesWithoutOffsetThenInTheGivenZone() {
        run(false, ZoneId.of("Europe/Berlin"), Arrays.asList(row("000000000003")));
        assertEquals(Instant.parse("2026-01-31T08:15:00.123Z"), stored.findByBuiltinId("000000000003").get().createdAt());
    }

    @Test
    public void importWhenRowIsExpiredThenImportedForTheOwnerToSeeAndPruningToDelete() {
        ImportReport report = run(false, Arrays.asList(with(row("000000000004"), "EXPIRING_AT", "2026-02-01 00:00:00")));
        assertEquals(1, report.imported());
        assertTrue(stored.findByBuiltinId("000000000004").get().isExpired(NOW));
    }

    @Test
    public void importWhenEachCellIsWrongThenThatRowIsReportedWithItsLineAndReason() {
        Map<String, String> good = row("111111111111");
        assertEquals(new ImportRowError(2, ImportProblem.MISSING_VALUE, "TOKEN_ID"), onlyError(with(good, "TOKEN_ID", " ")));
        assertEquals(ImportProblem.TOKEN_ID_INVALID, onlyError(with(good, "TOKEN_ID", "12345678901")).problem());
        assertEquals(ImportProblem.TOKEN_ID_INVALID, onlyError(with(good, "TOKEN_ID", "1234567890１２")).problem());
        assertEquals(ImportProblem.USER_UNKNOWN, onlyError(with(good, "USER_KEY", "JIRAUSER99999")).problem());
        assertEquals(new ImportRowError(2, ImportProblem.MISSING_VALUE, "USER_KEY"), onlyError(with(good, "USER_KEY", null)));
        assertEquals(ImportProblem.NAME_BLANK, onlyError(with(good, "NAME", "")).problem());
        assertEquals(ImportProblem.NAME_BLANK, onlyError(with(good, "NAME", null)).problem());
        assertEquals(ImportProblem.NAME_INVALID_CHARACTERS, onlyError(with(good, "NAME", "a\u202Eexe.txt")).problem());
        assertEquals(new ImportRowError(2, ImportProblem.NAME_TOO_LONG, "255"), onlyError(with(good, "NAME", repeat("n", 256))));
        assertEquals(ImportProblem.NAME_TOO_LONG, onlyError(with(good, "NAME", repeat("\uD83D\uDE00", 200))).problem());
        assertEquals(ImportProblem.HASH_INVALID, onlyError(with(good, "HASHED_TOKEN", "{SHA256}abc")).problem());
        assertEquals(ImportProblem.HASH_INVALID, onlyError(with(good, "HASHED_TOKEN",
                BuiltinFixtures.someHash().substring(0, 72) + "!")).problem());
        assertEquals(new ImportRowError(2, ImportProblem.DATE_INVALID, "CREATED_AT"), onlyError(with(good, "CREATED_AT", "31.01.2026")));
        assertEquals(new ImportRowError(2, ImportProblem.DATE_INVALID, "EXPIRING_AT"), onlyError(with(good, "EXPIRING_AT", "2026-02-30 00:00:00")));
        assertEquals(new ImportRowError(2, ImportProblem.DATE_INVALID, "LAST_ACCESSED_AT"),
                onlyError(with(good, "LAST_ACCESSED_AT", "yesterday")));
        assertEquals(ImportProblem.NOTIFICATION_STATE_INVALID, onlyError(with(good, "NOTIFICATION_STATE", "SENT")).problem());
        assertTrue("nothing stored", stored.importedAmong(Arrays.asList("111111111111")).isEmpty());
    }

    @Test
    public void importWhenNameAt255CharactersThenImported() {
        assertEquals(1, run(false, Arrays.asList(with(row("222222222222"), "NAME", repeat("n", 255)))).imported());
    }

    @Test
    public void importWhenTheSameIdTwiceInTheFileThenTheFirstIsImportedAndTheSecondReported() {
        ImportReport report = run(false, Arrays.asList(row("333333333333"), row("444444444444"), row("333333333333")));

        assertEquals(2, report.imported());
        assertEquals(Arrays.asList(new ImportRowError(4, ImportProblem.DUPLICATE, "2")), report.errors());
    }

    @Test
    public void importWhenRepeatedThenRowsImportedBeforeAreSkippedWithoutError() {
        List<Map<String, String>> rows = Arrays.asList(row("555555555555"), row("666666666666"));
        run(false, rows);
        events.clear();

        ImportReport again = run(false, rows);

        assertEquals(0, again.imported());
        assertEquals(2, again.skipped());
        assertTrue(again.errors().isEmpty());
        assertEquals(2, stored.findByOwner(FakeUsers.key("alice")).size());
        assertEquals("TokensImported[source=builtin, imported=0, skipped=2, failed=0, by=key-admin, at=" + NOW + "]",
                events.get(0).toString());
    }

    @Test
    public void importWhenDryRunThenCountsAsTheImportWouldAndWritesNothing() {
        run(false, Arrays.asList(row("777777777777")));
        events.clear();

        ImportReport dry = run(true, Arrays.asList(row("777777777777"), row("888888888888"), with(row("999999999999"), "NAME", "")));

        assertTrue(dry.dryRun());
        assertEquals(1, dry.imported());
        assertEquals(1, dry.skipped());
        assertEquals(1, dry.failed());
        assertFalse(stored.isImported("888888888888"));
        assertTrue("a dry run is not an import: no event", events.isEmpty());
    }

    @Test
    public void importWhenManyRowsThenWrittenInBatchesWithOneEvent() {
        Iterator<ImportRecord> records = new Iterator<ImportRecord>() {
            int n;

            @Override
            public boolean hasNext() {
                return n < 1201;
            }

            @Override
            public ImportRecord next() {
                n++;
                return ImportRecord.of(n + 1, row(String.format("%012d", n)));
            }
        };
        ImportReport report = imports.run(ADMIN, records, ZoneOffset.UTC, false).value();

        assertEquals(1201, report.imported());
        assertEquals("1201 rows in batches of " + BuiltinImport.BATCH, 3, transactions.get());
        assertEquals(1, events.size());
        assertTrue(events.get(0) instanceof TokenEvent.Imported);
        assertEquals(1201, ((TokenEvent.Imported) events.get(0)).imported());
    }

    @Test
    public void importWhenOwnerIsOverTheLimitThenImportedAndTheOwnerCreatesNothingNew() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(row(String.format("1000000000%02d", i)));
        }
        assertEquals(12, run(false, rows).imported());

        TokenService service = TokenServices.of(store, users, new InMemoryPolicy(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Rejection.TOKEN_LIMIT_REACHED,
                service.create(Actor.user(FakeUsers.key("alice")), TokenRequest.named("new", 30)).rejection());
    }

    @Test
    public void importWhenNotASystemAdminThenNotPermittedAndNothingRead() {
        Iterator<ImportRecord> untouched = new Iterator<ImportRecord>() {
            @Override
            public boolean hasNext() {
                throw new AssertionError("read rows for a caller who may not import");
            }

            @Override
            public ImportRecord next() {
                throw new AssertionError();
            }
        };
        assertEquals(Rejection.NOT_PERMITTED, imports.run(Actor.user(FakeUsers.key("alice")), untouched, ZoneOffset.UTC, false).rejection());
        assertEquals(Rejection.NOT_PERMITTED, imports.run(Actor.system(), untouched, ZoneOffset.UTC, false).rejection());
        assertTrue(events.isEmpty());
    }

    @Test
    public void importWhenMoreErrorsThanListedThenAllCountedAndTheFirstListed() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < ImportReport.MAX_ERRORS + 5; i++) {
            rows.add(with(row(String.format("%012d", i)), "USER_KEY", "gone"));
        }
        ImportReport report = run(true, rows);
        assertEquals(ImportReport.MAX_ERRORS + 5, report.failed());
        assertEquals(ImportReport.MAX_ERRORS, report.errors().size());
    }

    @Test
    public void datesWhenWrittenAsDatabasesWriteThemThenRead() {
        ZoneId utc = ZoneOffset.UTC;
        assertEquals(Optional.of(Instant.parse("2026-01-31T09:15:00Z")), BuiltinDates.parse("2026-01-31 09:15:00", utc));
        assertEquals(Optional.of(Instant.parse("2026-01-31T09:15:00.123Z")), BuiltinDates.parse("2026-01-31 09:15:00.123456789", utc));
        assertEquals(Optional.of(Instant.parse("2026-01-31T09:15:00.100Z")), BuiltinDates.parse("2026-01-31 09:15:00.1", utc));
        assertEquals(Optional.of(Instant.parse("2026-01-31T08:15:00Z")), BuiltinDates.parse("2026-01-31 09:15:00+01", utc));
        assertEquals(Optional.of(Instant.parse("2026-01-31T08:15:00Z")), BuiltinDates.parse("2026-01-31 09:15:00+01:00", utc));
        assertEquals(Optional.of(Instant.parse("2026-01-31T10:45:00Z")), BuiltinDates.parse("2026-01-31T09:15:00-0130", utc));
        assertEquals(Optional.of(Instant.parse("2026-01-31T09:15:00Z")), BuiltinDates.parse("2026-01-31T09:15:00Z", utc));
        assertEquals(Optional.of(Instant.parse("2026-01-31T09:15:00Z")), BuiltinDates.parse("2026-01-31 09:15", utc));
        for (String bad : Arrays.asList("", "2026-01-31", "2026-1-31 09:15:00", "2026-01-31 24:00:00", "2026-01-31 09:15:00.1234567890",
                "2026-01-31 09:15:00+25", "=NOW()", "2026-01-31 09:15:00 UTC")) {
            assertEquals(bad, Optional.empty(), BuiltinDates.parse(bad, utc));
        }
        assertTrue(BuiltinDates.isNever(Instant.parse("9999-12-30T23:00:00Z")));
        assertFalse(BuiltinDates.isNever(Instant.parse("9998-12-30T00:00:00Z")));
        assertFalse(BuiltinDates.isNever(Instant.parse("2099-12-31T00:00:00Z")));
    }

    @Test
    public void missingColumnsWhenHeaderInAnyCaseThenOnlyTheAbsentRequiredOnes() {
        assertEquals(Arrays.asList(), BuiltinRow.missingColumns(Arrays.asList("token_id", " User_Key ", "NAME", "hashed_token",
                "created_at", "expiring_at")));
        assertEquals(Arrays.asList("HASHED_TOKEN", "EXPIRING_AT"),
                BuiltinRow.missingColumns(Arrays.asList("TOKEN_ID", "USER_KEY", "NAME", "CREATED_AT", "LAST_ACCESSED_AT")));
    }

    private static String repeat(String s, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(s);
        }
        return out.toString();
    }
}
