package dev.jirapat.rest;

/** Token ids in paths: the decimal digits of a positive 64-bit number; anything else names no resource (404). */
final class Ids {
    private Ids() {
    }

    static long parse(String text, Messages messages) {
        if (text != null && !text.isEmpty() && text.length() <= 19 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                long id = Long.parseLong(text);
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException tooLarge) {
                // falls through: no such resource
            }
        }
        throw new ApiException(404, ApiException.WEB_APPLICATION, messages.get(Messages.NOT_FOUND));
    }
}
