package dev.jirapat.token;

/**
 * The client's IP literal as the token rules and the last-use record want it. Containers differ: Jetty 9.4
 * reports an IPv6 client in brackets ({@code [0:0:0:0:0:0:0:1]}), Tomcat (Jira) without, and either may append
 * a zone id ({@code fe80::1%eth0}). Behind a proxy this is the proxy's address, as Jira itself sees it.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String normalise(String remoteAddr) {
        if (remoteAddr == null) {
            return "";
        }
        String a = remoteAddr.trim();
        if (a.length() >= 2 && a.charAt(0) == '[' && a.charAt(a.length() - 1) == ']') {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        return zone >= 0 && a.indexOf(':') >= 0 ? a.substring(0, zone) : a;
    }
}
