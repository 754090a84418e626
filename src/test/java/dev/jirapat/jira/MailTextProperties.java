package dev.jirapat.jira;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Whatever a user types, a mail shows it as bounded, single-line, direction-neutral text, and HTML as text. */
public class MailTextProperties {
    @Property
    void plainWhenAnyTextThenNoControlFormatOrSeparatorAndBounded(@ForAll String text) {
        String plain = MailText.plain(text);
        assertTrue(plain, plain.codePointCount(0, plain.length()) <= MailText.MAX_CODE_POINTS + 1);
        plain.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            assertFalse(Integer.toHexString(cp), Character.isISOControl(cp) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE);
        });
    }

    @Property
    void htmlWhenAnyTextThenNoMarkupCharacterSurvives(@ForAll String text) {
        String html = MailText.html(MailText.plain(text));
        for (char c : new char[] {'<', '>', '"', '\''}) {
            assertFalse(html, html.indexOf(c) >= 0);
        }
        assertFalse(html, html.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").replace("&quot;", "")
                .replace("&#39;", "").contains("&"));
    }
}
