package dev.jirapat.token;

/**
 * Port: tells a token's owner that it will expire soon or has expired (Jira: an e-mail). Called by the expiry
 * job after it recorded, in the store, that this notice is due for this token and threshold, so each notice is
 * sent at most once across restarts and cluster nodes. An implementation must not throw: a failed delivery is
 * its own business (logged there), never the job's.
 */
public interface ExpiryNotices {
    /** The token expires within {@code thresholdDays} days (one of the configured notice days). */
    void expiresSoon(AccessToken token, int thresholdDays);

    /** The token has expired. */
    void expired(AccessToken token);
}
