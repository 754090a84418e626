package dev.jirapat.auth;

import dev.jirapat.devhost.DevHost;
import dev.jirapat.devhost.HttpCall;
import dev.jirapat.token.Scope;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static dev.jirapat.auth.BearerHttp.ALICE;
import static dev.jirapat.auth.BearerHttp.assertInvalidToken;
import static dev.jirapat.auth.BearerHttp.assertServedAs;
import static dev.jirapat.auth.BearerHttp.mint;
import static dev.jirapat.auth.BearerHttp.myself;
import static dev.jirapat.auth.BearerHttp.policy;
import static org.junit.Assert.assertTrue;

/**
 * IPv6 allowlists over real HTTP: the dev host listens on the IPv6 loopback {@code ::1}, so the filter sees the
 * client address {@code 0:0:0:0:0:0:0:1}. Needs an IPv6 loopback; without one the class is skipped with a visible
 * line, except under {@code CI=true}, where that is a failure.
 */
public class BearerIpv6HttpIT {
    @ClassRule
    public static final TokenLogScan LOG = new TokenLogScan();

    private static DevHost host;

    @BeforeClass
    public static void startHostOnIpv6Loopback() {
        boolean available = ipv6Loopback();
        if (!available) {
            System.out.println("[BearerIpv6HttpIT] SKIPPED: this machine has no IPv6 loopback (::1)");
            assertTrue("CI requires an IPv6 loopback for the IPv6 allowlist test", System.getenv("CI") == null);
        }
        Assume.assumeTrue(available);
        host = DevHost.start(DevHost.Config.forTest().host("::1"));
        policy(host);
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterClass
    public static void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    public void hostIsReachedOverIpv6() {
        assertTrue(host.baseUri().toString(), host.baseUri().getHost().startsWith("[::1]"));
    }

    @Test
    public void ipv6AllowlistAdmitsTheClientInside() {
        for (String range : new String[] {"::1", "::1/128", "::/64", "0:0:0:0:0:0:0:1"}) {
            String token = mint(host, ALICE, Scope.WRITE, 30, range).rawToken();
            assertServedAs(myself(host, token), "alice");
        }
    }

    @Test
    public void ipv6AllowlistRefusesTheClientOutside() {
        String token = mint(host, ALICE, Scope.WRITE, 30, "2001:db8::/32", "::2").rawToken();
        assertInvalidToken(host, myself(host, token), AuthFailure.INVALID, token);
    }

    @Test
    public void ipv4OnlyAllowlistRefusesAnIpv6Client() {
        String token = mint(host, ALICE, Scope.WRITE, 30, "127.0.0.0/8", "0.0.0.0/0").rawToken();
        assertInvalidToken(host, myself(host, token), AuthFailure.INVALID, token);
    }

    @Test
    public void mixedAllowlistAdmitsTheIpv6ClientByItsIpv6Range() {
        String token = mint(host, ALICE, Scope.WRITE, 30, "10.0.0.0/8", "::1/128").rawToken();
        assertServedAs(HttpCall.to(host).get("/rest/api/2/myself").bearer(token).send(), "alice");
    }
}
