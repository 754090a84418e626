package dev.jirapat.token;

import org.junit.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

/** The client address travels from the request's actor to the events it causes, normalised, never for the system. */
public class ActorAddressTest {
    @Test
    public void fromWhenUserThenAddressNormalisedAndKeyAndTokenKept() {
        AccessToken token = SampleTokenEvents.token(3, "alice", "ci");
        Actor actor = Actor.viaToken(token).from("[0:0:0:0:0:0:0:1]");

        assertEquals(Optional.of("0:0:0:0:0:0:0:1"), actor.clientAddress());
        assertEquals("alice", actor.userKey());
        assertEquals(Optional.of(token), actor.viaToken());
        assertEquals(Optional.of("fe80::1"), Actor.user("bob").from("fe80::1%eth0").clientAddress());
    }

    @Test
    public void fromWhenBlankOrSystemThenNoAddress() {
        assertEquals(Optional.empty(), Actor.user("bob").from(null).clientAddress());
        assertEquals(Optional.empty(), Actor.user("bob").from("  ").clientAddress());
        assertSame(Actor.system(), Actor.system().from("10.0.0.1"));
        assertEquals(Optional.empty(), Actor.system().from("10.0.0.1").clientAddress());
    }

    @Test
    public void eventWhenActorHasAddressThenEventNamesItAndBulkNamesEachToken() {
        Actor admin = Actor.user("admin").from("198.51.100.7");
        TokenEvent bulk = SampleTokenEvents.bulkRevoked(admin, SampleTokenEvents.token(1, "alice", "a"),
                SampleTokenEvents.token(2, "bob", "b"));

        assertEquals(Optional.of("198.51.100.7"), bulk.clientAddress());
        assertTrue(bulk.toString(), bulk.toString().contains("by=admin from 198.51.100.7"));
        List<TokenEvent.Revoked> each = ((TokenEvent.BulkRevoked) bulk).revocations();
        assertEquals(Arrays.asList("alice", "bob"), Arrays.asList(each.get(0).ownerKey(), each.get(1).ownerKey()));
        assertEquals(Arrays.asList("a", "b"), Arrays.asList(each.get(0).name(), each.get(1).name()));
        assertEquals(Optional.of("admin"), each.get(1).actorKey());
        assertEquals(bulk.at(), each.get(0).at());
        assertEquals(Optional.of("198.51.100.7"), each.get(0).clientAddress());
    }
}
