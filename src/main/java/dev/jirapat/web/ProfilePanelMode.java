package dev.jirapat.web;

/**
 * Whose tokens the profile panel shows, decided once by {@link ProfileTokensContextProvider}. The panel's template
 * compares {@code $mode.name} with these names and passes it to the page's script as {@code data-mode}; a new
 * mode is added here first.
 */
public enum ProfilePanelMode {
    /** Not the viewer's profile and the viewer is not a system administrator: the panel renders nothing. */
    NONE,
    /** The viewer's own profile: create, rotate and revoke. */
    OWN,
    /** A system administrator on another user's profile: that user's tokens, with revoke only. */
    ADMIN;

    /** The constant's name, for Velocity ({@code $mode.name == "OWN"}). */
    public String getName() {
        return name();
    }
}
