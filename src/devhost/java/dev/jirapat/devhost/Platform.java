package dev.jirapat.devhost;

import java.util.Locale;

/**
 * The Jira line the dev host plays, chosen by {@code -Dpat.platform=9|10|11}: which REST stack mounts the
 * {@code <rest>} modules and whether Jira 10's secure-by-default access rules apply. The line's libraries come from
 * the class path the build gives each line (Jersey 1 for 9, Jersey 2 for 10, Jersey 3.1 on the jakarta line 11);
 * this only says which of them the host uses.
 */
public enum Platform {
    /** Jira 8.20 to 9.x: REST v1 on Jersey 1, Jackson 1; no access annotations needed. */
    NINE(9),
    /** Jira 10.x (Platform 7): REST v2 on Jersey 2 ({@code javax.ws.rs} 2.1), Jackson 2; secure by default. */
    TEN(10),
    /** Jira 11.x (Platform 8): REST v2 on Jersey 3.1, jakarta namespaces; secure by default. */
    ELEVEN(11);

    /** The system property that selects the line. */
    public static final String PROPERTY = "pat.platform";

    /** The line {@code mvn -Prun} starts when none is given: the newest. */
    public static final Platform NEWEST = ELEVEN;

    private final int jira;

    Platform(int jira) {
        this.jira = jira;
    }

    /** The Jira major version this line stands for (9 covers 8.20 to 9.x). */
    public int jira() {
        return jira;
    }

    /** REST modules run on REST v2 (Jersey 2 or 3.1) instead of REST v1 (Jersey 1). */
    public boolean restV2() {
        return this != NINE;
    }

    /**
     * Resources, servlets and servlet filters without an access annotation are for logged-in (licensed) users only,
     * as from Jira 10.
     */
    public boolean secureByDefault() {
        return this != NINE;
    }

    /** The line named by {@code -Dpat.platform}, else {@link #NEWEST}. */
    public static Platform fromProperty() {
        return parse(System.getProperty(PROPERTY));
    }

    /** {@code 9}, {@code 10} or {@code 11} (blank: {@link #NEWEST}); anything else is a clear error. */
    public static Platform parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return NEWEST;
        }
        if (t.startsWith("jira")) {
            t = t.substring(4);
        }
        for (Platform p : values()) {
            if (Integer.toString(p.jira).equals(t)) {
                return p;
            }
        }
        throw new DevHostException("-D" + PROPERTY + "=" + text + " is not a Jira line: give 9, 10 or 11");
    }
}
