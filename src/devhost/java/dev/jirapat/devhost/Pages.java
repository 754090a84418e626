package dev.jirapat.devhost;

import javax.servlet.http.HttpServletRequest;

/**
 * The host's page frame: AUI and jQuery from npm, a header with the user's menu (Profile and the plugin's
 * {@code system.user.options/personal} web items) and links, and the content.
 */
final class Pages {
    private Pages() {
    }

    static String page(HttpServletRequest req, String title, String content, String resourceTags) {
        String ctx = req.getContextPath();
        DevUser user = CurrentUser.get();
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html(title) + " - Jira (PAT dev host)</title>"
                + "<meta name=\"ajs-context-path\" content=\"" + html(ctx) + "\">"
                + "<meta name=\"ajs-remote-user\" content=\"" + (user == null ? "" : html(user.getName())) + "\">"
                + "<link rel=\"stylesheet\" href=\"" + ctx + "/static/@atlassian/aui/dist/aui/aui-prototyping.css\">"
                + "<script src=\"" + ctx + "/static/jquery/dist/jquery.min.js\"></script>"
                // Jira defines AJS.contextPath() before AUI loads (AUI takes it from an existing window.AJS).
                + "<script>window.AJS = {contextPath: function () { return " + jsString(ctx) + "; }};</script>"
                + "<script src=\"" + ctx + "/static/@atlassian/aui/dist/aui/aui-prototyping.js\"></script>"
                + "<style>.devhost-user { position: relative; } .devhost-user-button { color: #fff; background: transparent; border: 0;"
                + " font: inherit; line-height: 40px; padding: 0 10px; cursor: pointer; } .devhost-user-options { position: absolute; right: 0; top: 100%;"
                + " z-index: 100; min-width: 220px; margin: 0; padding: 4px 0; list-style: none; background: #fff;"
                + " border: 1px solid #dfe1e6; border-radius: 3px; } .devhost-user-options[hidden] { display: none; }"
                + " .aui-header .devhost-user-options a { display: block; padding: 6px 12px; color: #172b4d; background: #fff; }</style>"
                + (resourceTags == null ? "" : resourceTags)
                + "</head><body class=\"aui-layout aui-theme-default\"><div id=\"page\">"
                + "<header id=\"header\" role=\"banner\"><nav class=\"aui-header\" aria-label=\"site\"><div class=\"aui-header-inner\">"
                + "<div class=\"aui-header-primary\"><span class=\"aui-header-logo\"><strong>Jira</strong> (PAT dev host &mdash; not Jira)</span></div>"
                + "<div class=\"aui-header-secondary\"><ul class=\"aui-nav\">"
                + (user == null ? "<li><a href=\"" + ctx + "/login.jsp\">Log in</a></li>"
                : "<li class=\"devhost-user\"><button type=\"button\" class=\"devhost-user-button\" id=\"header-user-menu\""
                + " aria-expanded=\"false\" aria-controls=\"header-user-options\">" + html(user.getDisplayName()) + "</button>"
                + "<ul class=\"devhost-user-options\" id=\"header-user-options\" hidden>"
                + "<li><a id=\"header-profile\" href=\"" + ctx + "/secure/ViewProfile.jspa\">Profile</a></li>"
                + UserMenu.items(req) + "</ul></li>"
                + "<li><a id=\"header-admin\" href=\"" + ctx + "/secure/admin/ViewApplicationProperties.jspa\">Administration</a></li>"
                + "<li><a id=\"header-logout\" href=\"" + ctx + "/logout\">Log out</a></li>")
                + "</ul></div></div></nav></header>"
                + "<section id=\"content\" role=\"main\"><div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">"
                + "<section class=\"aui-page-panel-content\"><h1>" + html(title) + "</h1>" + content
                + "</section></div></div></section></div>"
                // The user menu as a disclosure: the button shows and hides the list of links.
                + "<script>(function () { var b = document.getElementById('header-user-menu'); if (!b) { return; }"
                + " var m = document.getElementById('header-user-options');"
                + " b.addEventListener('click', function () { var open = b.getAttribute('aria-expanded') !== 'true';"
                + " b.setAttribute('aria-expanded', String(open)); if (open) { m.removeAttribute('hidden'); } else { m.setAttribute('hidden', ''); } });"
                + " }());</script></body></html>";
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("<", "\\x3c") + "'";
    }

    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
