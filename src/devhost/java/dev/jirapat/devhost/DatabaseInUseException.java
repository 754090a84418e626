package dev.jirapat.devhost;

/**
 * The host's database is held by another dev host or process (H2 lets one process open a file database): the
 * message says which, when that host has said so, and how to start this one anyway, in one line.
 */
public final class DatabaseInUseException extends DevHostException {
    private static final long serialVersionUID = 1L;

    public DatabaseInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
