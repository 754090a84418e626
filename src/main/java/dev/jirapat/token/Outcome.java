package dev.jirapat.token;

import java.util.Objects;

/** Either a value or the {@link Rejection} that prevented it. */
public final class Outcome<T> {
    private final T value;
    private final Rejection rejection;

    private Outcome(T value, Rejection rejection) {
        this.value = value;
        this.rejection = rejection;
    }

    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(Objects.requireNonNull(value), null);
    }

    public static <T> Outcome<T> rejected(Rejection rejection) {
        return new Outcome<>(null, Objects.requireNonNull(rejection));
    }

    public boolean isRejected() {
        return rejection != null;
    }

    /** The value; throws if this outcome is a rejection (a programming error, not an input error). */
    public T value() {
        if (rejection != null) {
            throw new IllegalStateException("rejected: " + rejection);
        }
        return value;
    }

    public Rejection rejection() {
        if (rejection == null) {
            throw new IllegalStateException("not rejected");
        }
        return rejection;
    }

    @Override
    public String toString() {
        return rejection != null ? "Outcome[" + rejection + "]" : "Outcome[ok]";
    }
}
