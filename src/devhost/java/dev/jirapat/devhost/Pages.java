package dev.jirapat.devhost;

import javax.servlet.http.HttpServletRequest;

/** The host's page frame: AUI and jQuery from npm, a header with the user and links, and the content. */
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
                + (resourceTags == null ? "" : resourceTags)
                + "</head><body class=\"aui-layout aui-theme-default\"><div id=\"page\">"
                + "<header id=\"header\" role=\"banner\"><nav class=\"aui-header\" aria-label=\"site\"><div class=\"aui-header-inner\">"
                + "<div class=\"aui-header-primary\"><span class=\"aui-header-logo\"><strong>Jira</strong> (PAT dev host &mdash; not Jira)</span></div>"
                + "<div class=\"aui-header-secondary\"><ul class=\"aui-nav\">"
                + (user == null ? "<li><a href=\"" + ctx + "/login.jsp\">Log in</a></li>"
                : "<li><a id=\"header-profile\" href=\"" + ctx + "/secure/ViewProfile.jspa\">" + html(user.getDisplayName()) + "</a></li>"
                + "<li><a id=\"header-admin\" href=\"" + ctx + "/secure/admin/ViewApplicationProperties.jspa\">Administration</a></li>"
                + "<li><a id=\"header-logout\" href=\"" + ctx + "/logout\">Log out</a></li>")
                + "</ul></div></div></nav></header>"
                + "<section id=\"content\" role=\"main\"><div class=\"aui-page-panel\"><div class=\"aui-page-panel-inner\">"
                + "<section class=\"aui-page-panel-content\"><h1>" + html(title) + "</h1>" + content
                + "</section></div></div></section></div></body></html>";
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
