package dev.jirapat.jira;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.ExpiryNotices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ExpiryNotices} as one INFO line each in Jira's log: the token's id, hint and owner, never the token. Stands in
 * until the notices go out by mail.
 */
public final class LoggingExpiryNotices implements ExpiryNotices {
    private static final Logger log = LoggerFactory.getLogger(LoggingExpiryNotices.class);

    @Override
    public void expiresSoon(AccessToken token, int thresholdDays) {
        log.info("Expiry notice: token id={} hint={} of {} expires within {} days, at {}", token.id(), token.hint(),
                token.ownerKey(), thresholdDays, token.expiresAt().orElse(null));
    }

    @Override
    public void expired(AccessToken token) {
        log.info("Expiry notice: token id={} hint={} of {} has expired, at {}", token.id(), token.hint(),
                token.ownerKey(), token.expiresAt().orElse(null));
    }
}
