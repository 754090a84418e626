package dev.jirapat.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The days before expiry at which a token's owner is told it expires soon, e.g. {@code 30,7,1} (GitLab's habit) or
 * the built-in app's single {@code 5}. Distinct, largest first; at most {@value #MAX_DAYS} of them, each from
 * {@value #MIN_DAY} to {@value #MAX_DAY}. Empty means no notice before expiry (the one at expiry still goes).
 */
public final class NoticeDays {
    public static final int MIN_DAY = 1;
    public static final int MAX_DAY = 365;
    public static final int MAX_DAYS = 10;
    /** What a valid value looks like, for messages. */
    public static final String EXPECTED = "at most " + MAX_DAYS + " whole numbers of days from " + MIN_DAY + " to "
            + MAX_DAY + ", separated by commas (e.g. 30,7,1), or nothing";

    private final List<Integer> days;

    private NoticeDays(List<Integer> days) {
        this.days = Collections.unmodifiableList(days);
    }

    /**
     * Reads {@code 30, 7,1}: numbers separated by commas, blanks around them allowed, in any order, repeats counted
     * once; blank text is the empty list. Empty for anything else (never throws).
     */
    public static Optional<NoticeDays> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        TreeSet<Integer> found = new TreeSet<>(Collections.reverseOrder());
        if (!t.isEmpty()) {
            for (String part : t.split(",", -1)) {
                String p = part.trim();
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Optional.empty();
                }
                int day = Integer.parseInt(p);
                if (day < MIN_DAY || day > MAX_DAY) {
                    return Optional.empty();
                }
                found.add(day);
            }
        }
        if (found.size() > MAX_DAYS) {
            return Optional.empty();
        }
        return Optional.of(new NoticeDays(new ArrayList<>(found)));
    }

    /** Largest first. */
    public List<Integer> days() {
        return days;
    }

    /**
     * The notice due for a token expiring at {@code expiresAt}, seen at {@code now}: {@link NoticeStage#EXPIRED}
     * once it has expired, else the smallest threshold it is within (a token 3 days from expiry under 30,7,1 is due
     * the 7-day notice: the 30-day one would say less), or empty when none.
     */
    public Optional<NoticeStage> due(Instant expiresAt, Instant now) {
        if (!now.isBefore(expiresAt)) {
            return Optional.of(NoticeStage.EXPIRED);
        }
        for (int i = days.size() - 1; i >= 0; i--) {
            if (!now.isBefore(expiresAt.minus(Duration.ofDays(days.get(i))))) {
                return Optional.of(NoticeStage.expiresWithin(days.get(i)));
            }
        }
        return Optional.empty();
    }

    /** The smallest threshold, 0 for none: a token notified at it needs nothing more until it expires. */
    public int smallest() {
        return days.isEmpty() ? 0 : days.get(days.size() - 1);
    }

    /** The largest threshold, 0 for none: tokens expiring later than this many days from now need no notice. */
    public int largest() {
        return days.isEmpty() ? 0 : days.get(0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoticeDays && ((NoticeDays) o).days.equals(days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    /** The canonical text: {@code 30,7,1}; empty for no days. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Integer day : days) {
            out.append(out.length() == 0 ? "" : ",").append(day);
        }
        return out.toString();
    }
}
