package dev.jirapat.jira;

import dev.jirapat.token.TokenEvent;
import dev.jirapat.token.TokenEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hands each event to every consumer (log, audit, owner mail), in order. One consumer that throws does not keep
 * the event from the others, and never reaches the use case: the change has committed.
 */
public final class TokenEventConsumers implements TokenEvents {
    private static final Logger log = LoggerFactory.getLogger(TokenEventConsumers.class);

    private final List<TokenEvents> consumers;

    public TokenEventConsumers(List<TokenEvents> consumers) {
        this.consumers = Collections.unmodifiableList(new ArrayList<>(consumers));
    }

    @Override
    public void publish(TokenEvent event) {
        for (TokenEvents consumer : consumers) {
            try {
                consumer.publish(event);
            } catch (RuntimeException e) {
                log.warn("{} failed on {}: {}", consumer.getClass().getSimpleName(), event, e.toString());
            }
        }
    }
}
