package dev.jirapat.jira;

/**
 * User-typed text (token names, display names) made safe for a mail: control, format (bidi overrides such as
 * U+202E, zero-width characters) and line or paragraph separators become U+FFFD, so a name cannot reorder,
 * hide or break the text around it; very long text is cut at {@value #MAX_CODE_POINTS} code points with an
 * ellipsis. {@link #html} then escapes the result for HTML.
 */
final class MailText {
    static final int MAX_CODE_POINTS = 80;
    private static final String ELLIPSIS = "\u2026";

    private MailText() {
    }

    static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CODE_POINTS * 2));
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (count == MAX_CODE_POINTS) {
                return out.append(ELLIPSIS).toString();
            }
            int type = Character.getType(cp);
            boolean unsafe = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE;
            out.appendCodePoint(unsafe ? 0xFFFD : cp);
            count++;
        }
        return out.toString();
    }

    /** Escapes HTML's five special characters; the input should already be {@link #plain}. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
