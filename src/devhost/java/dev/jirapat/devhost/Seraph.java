package dev.jirapat.devhost;

/** The Seraph / SAL names the host and the plugin agree on (docs/host-api.md, "Seraph login"). */
final class Seraph {
    static final String LOGGED_IN_KEY = "seraph_defaultauthenticator_user";
    static final String LOGGED_IN_USER_ID_KEY = "seraph_defaultauthenticator_user_id";
    static final String LOGGED_OUT_KEY = "seraph_defaultauthenticator_logged_out_user";
    static final String ALREADY_FILTERED = "loginfilter.already.filtered";
    static final String OS_AUTHSTATUS = "os_authstatus";

    private Seraph() {
    }
}
