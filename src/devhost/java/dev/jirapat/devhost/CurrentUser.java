package dev.jirapat.devhost;

/** The user of the request being served, as Seraph's AuthenticationContext holds it (a thread-local). */
final class CurrentUser {
    private static final ThreadLocal<DevUser> USER = new ThreadLocal<>();

    private CurrentUser() {
    }

    static DevUser get() {
        return USER.get();
    }

    static void set(DevUser user) {
        USER.set(user);
    }

    static void clear() {
        USER.remove();
    }
}
