package dev.jirapat.web;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.HttpCall;

import dev.jirapat.token.AccessToken;
import dev.jirapat.token.TokenStore;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.Assert.assertEquals;

/**
 * Setting up and cleaning up through the product's own REST API, as an admin script would; and, for what no API
 * offers (a token that has expired or is about to), through the plugin's TokenStore bean.
 */
final class RestFixtures {
    private RestFixtures() {
    }

    static void putSettings(DevHost host, String json) {
        HttpCall.Response r = HttpCall.to(host).put("/rest/pat/latest/admin/settings").basic("admin", "admin").json(json).send();
        assertEquals(r.toString(), 200, r.status);
    }

    /** Creates a 30-day token as {@code user} (password = username) and returns the raw token. */
    static String createToken(DevHost host, String user, String name) {
        HttpCall.Response r = HttpCall.to(host).post("/rest/pat/latest/tokens").basic(user, user)
                .json("{\"name\":\"" + name + "\",\"expirationDuration\":30}").send();
        assertEquals(r.toString(), 201, r.status);
        return r.body.replaceAll(".*\"rawToken\":\"([^\"]+)\".*", "$1");
    }

    static void revokeAll(DevHost host, String user) {
        HttpCall.Response list = HttpCall.to(host).get("/rest/pat/latest/tokens").basic(user, user).send();
        for (String part : list.body.split("\"id\":")) {
            String digits = part.replaceAll("^(\\d+).*", "$1");
            if (digits.matches("\\d+")) {
                HttpCall.to(host).delete("/rest/pat/latest/tokens/" + digits).basic(user, user).send();
            }
        }
    }

    /** Creates a token that never expires as {@code user} (the policy must allow it). */
    static void createEternalToken(DevHost host, String user, String name) {
        HttpCall.Response r = HttpCall.to(host).post("/rest/pat/latest/tokens").basic(user, user)
                .json("{\"name\":\"" + name + "\"}").send();
        assertEquals(r.toString(), 201, r.status);
    }

    /**
     * Moves the expiry of {@code ownerKey}'s token called {@code name} to {@code expiresAt} through the store (the
     * dev host runs on the system clock); its creation goes 30 days before that, so the dates stay in order.
     */
    static void setExpiry(DevHost host, String ownerKey, String name, Instant expiresAt) {
        TokenStore store = host.bean(TokenStore.class);
        Instant at = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        store.inTransaction(() -> {
            AccessToken token = store.findByOwner(ownerKey).stream().filter(t -> t.name().equals(name)).findFirst().get();
            return store.replace(token.id(), token.toBuilder().createdAt(at.minus(Duration.ofDays(30))).expiresAt(at).build());
        }).get();
    }

    /** {@code user}'s tokens as {@code GET /tokens} answers them. */
    static JsonNode tokensOf(DevHost host, String user) {
        HttpCall.Response r = HttpCall.to(host).get("/rest/pat/latest/tokens").basic(user, user).send();
        assertEquals(r.toString(), 200, r.status);
        try {
            return new ObjectMapper().readTree(r.body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
