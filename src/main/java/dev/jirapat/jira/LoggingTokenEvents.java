package dev.jirapat.jira;

import dev.jirapat.token.TokenEvent;
import dev.jirapat.token.TokenEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TokenEvents} as one INFO line per event in Jira's log: who created, rotated or revoked which token, who
 * changed which setting from what to what. Events hold no secret, so the line is the event as it prints itself.
 * Never throws: the change it reports has already committed.
 */
public final class LoggingTokenEvents implements TokenEvents {
    private static final Logger log = LoggerFactory.getLogger(LoggingTokenEvents.class);

    @Override
    public void publish(TokenEvent event) {
        try {
            log.info("{}", event);
        } catch (RuntimeException e) {
            // a failing log appender must not turn a committed change into an error
        }
    }
}
