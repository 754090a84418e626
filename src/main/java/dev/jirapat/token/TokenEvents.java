package dev.jirapat.token;

/**
 * Port: where the use cases report what they changed. Each event is published once, after its transaction
 * committed, never for a change that rolled back or a request that was refused. An implementation must not throw
 * and should not block: the change has happened whatever it does.
 */
public interface TokenEvents {
    void publish(TokenEvent event);
}
