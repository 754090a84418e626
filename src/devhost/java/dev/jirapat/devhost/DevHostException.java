package dev.jirapat.devhost;

/** The dev host could not start the plugin: a descriptor, wiring or environment mistake, said plainly. */
public class DevHostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DevHostException(String message) {
        super(message);
    }

    public DevHostException(String message, Throwable cause) {
        super(message, cause);
    }
}
