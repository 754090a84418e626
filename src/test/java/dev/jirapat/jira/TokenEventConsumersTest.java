package dev.jirapat.jira;

import dev.jirapat.token.SampleTokenEvents;
import dev.jirapat.token.TokenEvent;
import dev.jirapat.token.TokenEvents;
import org.junit.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.Assert.assertEquals;

/** Every consumer gets every event, whatever the others do. */
public class TokenEventConsumersTest {
    @Test
    public void publishWhenOneConsumerThrowsThenTheNextStillGetsTheEventAndTheCallerNothing() {
        List<TokenEvent> seen = new ArrayList<>();
        TokenEvents failing = event -> {
            throw new IllegalStateException("mail server down");
        };
        TokenEventConsumers consumers = new TokenEventConsumers(Arrays.asList(failing, seen::add));
        TokenEvent event = SampleTokenEvents.settingsChanged(dev.jirapat.token.Actor.user("admin"), "maxTokensPerUser", "10", "3");

        consumers.publish(event); // must not throw

        assertEquals(Collections.singletonList(event), seen);
    }
}
