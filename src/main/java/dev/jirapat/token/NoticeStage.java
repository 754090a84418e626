package dev.jirapat.token;

/**
 * How far a token's expiry notices have gone for its current expiry: a stage is a number of days (the "expires
 * within N days" notice) or {@link #EXPIRED} (0, the notice at expiry). Stages only go down as time passes: a
 * notice is due when its stage is below the last one sent, so each goes at most once.
 */
public final class NoticeStage {
    public static final NoticeStage EXPIRED = new NoticeStage(0);

    private final int days;

    private NoticeStage(int days) {
        this.days = days;
    }

    public static NoticeStage expiresWithin(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        return new NoticeStage(days);
    }

    /** The stored form: the days, 0 for expired. */
    public static NoticeStage of(int stored) {
        return stored == 0 ? EXPIRED : expiresWithin(stored);
    }

    public int days() {
        return days;
    }

    public boolean isExpired() {
        return days == 0;
    }

    /** Whether this notice comes after {@code sent} (a smaller stage), i.e. is still due when {@code sent} went. */
    public boolean isAfter(NoticeStage sent) {
        return days < sent.days;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoticeStage && ((NoticeStage) o).days == days;
    }

    @Override
    public int hashCode() {
        return days;
    }

    @Override
    public String toString() {
        return days == 0 ? "expired" : days + "d";
    }
}
