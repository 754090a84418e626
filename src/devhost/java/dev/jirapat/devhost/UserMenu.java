package dev.jirapat.devhost;

import javax.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The web items of Jira's user menu (the menu under the profile picture), location
 * {@code system.user.options/personal}: the page frame shows them in its header's user menu, as Jira does.
 * The decorator hands the menu to the frame through a request attribute.
 */
final class UserMenu {
    static final String SECTION = "system.user.options/personal";
    static final String ATTRIBUTE = UserMenu.class.getName();

    private final List<PluginDescriptor.WebItemModule> items = new ArrayList<>();
    private final DevI18n i18n;

    UserMenu(PluginDescriptor descriptor) {
        this.i18n = new DevI18n(descriptor.i18nBundles);
        for (PluginDescriptor.WebItemModule item : descriptor.webItems) {
            if (SECTION.equals(item.section)) {
                items.add(item);
            }
        }
    }

    /** The plugin's items for the menu of this request's page, as list items; empty when none. */
    static String items(HttpServletRequest req) {
        Object menu = req.getAttribute(ATTRIBUTE);
        if (!(menu instanceof UserMenu)) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (PluginDescriptor.WebItemModule item : ((UserMenu) menu).items) {
            html.append("<li><a id=\"").append(Pages.html(item.key)).append("\" href=\"")
                    .append(Pages.html(req.getContextPath() + item.link)).append("\">")
                    .append(Pages.html(((UserMenu) menu).i18n.getText(item.labelKey))).append("</a></li>");
        }
        return html.toString();
    }
}
