package dev.jirapat.token;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The expiryNoticeDays parser and the notice it makes due, for any input. */
class NoticeDaysProperties {

    @Property
    void parseWhenAnyTextThenNeverThrowsAndOnlyValidListsPass(@ForAll String text) {
        Optional<NoticeDays> parsed = NoticeDays.parse(text);
        parsed.ifPresent(days -> {
            assert days.days().size() <= NoticeDays.MAX_DAYS;
            assert days.days().stream().allMatch(d -> d >= NoticeDays.MIN_DAY && d <= NoticeDays.MAX_DAY);
        });
    }

    @Property
    void parseWhenValidDaysInAnyOrderAndSpacingThenCanonicalLargestFirst(@ForAll("days") List<Integer> days,
                                                                      @ForAll("blanks") String blank) {
        String text = days.stream().map(d -> blank + d + blank).collect(Collectors.joining(","));
        NoticeDays parsed = NoticeDays.parse(text).orElseThrow(() -> new AssertionError("refused " + text));
        TreeSet<Integer> expected = new TreeSet<>(days);
        assert parsed.days().equals(List.copyOf(expected.descendingSet())) : parsed + " for " + text;
        assert NoticeDays.parse(parsed.toString()).get().equals(parsed) : "round trip of " + parsed;
    }

    @Property
    void parseWhenADayIsOutOfRangeThenRefused(@ForAll("days") List<Integer> days,
                                              @ForAll("outOfRange") int bad) {
        String text = days.stream().map(String::valueOf).collect(Collectors.joining(",")) + "," + bad;
        assert !NoticeDays.parse(text).isPresent() : text;
    }

    @Property
    void dueWhenAnyTimeThenSmallestThresholdReachedOrExpired(@ForAll("days") List<Integer> days,
                                                              @ForAll("minutesLeft") long minutesLeft) {
        NoticeDays notice = NoticeDays.parse(days.stream().map(String::valueOf).collect(Collectors.joining(","))).get();
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        Instant now = expires.minus(Duration.ofMinutes(minutesLeft));
        Optional<NoticeStage> due = notice.due(expires, now);
        if (minutesLeft <= 0) {
            assert due.equals(Optional.of(NoticeStage.EXPIRED));
        } else {
            Optional<Integer> smallest = notice.days().stream().filter(d -> minutesLeft <= d * 1440L).min(Integer::compare);
            assert due.map(NoticeStage::days).equals(smallest) : due + " with " + minutesLeft + " min left under " + notice;
        }
    }

    @Provide
    Arbitrary<List<Integer>> days() {
        return Arbitraries.integers().between(NoticeDays.MIN_DAY, NoticeDays.MAX_DAY).list().ofMinSize(1).ofMaxSize(NoticeDays.MAX_DAYS)
                .filter(l -> l.stream().distinct().count() == l.size());
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.of("", " ", "  ", "\t");
    }

    @Provide
    Arbitrary<Integer> outOfRange() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-1000, 0), Arbitraries.integers().between(366, 100000));
    }

    @Provide
    Arbitrary<Long> minutesLeft() {
        return Arbitraries.longs().between(-100_000, 600_000);
    }
}
