package dev.jirapat.devhost;

import org.junit.Assume;
import org.junit.ClassRule;
import org.junit.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * What the dev host's container, embedded Tomcat 9, does on its own: its error pages tell nothing about it,
 * the plugin's JSON errors reach the client as the plugin wrote them, connections are kept alive, AUI is served
 * from {@code /static} with its media types, nothing outside the {@code /jira} context is served, and only
 * loopback listens.
 */
public class TomcatContainerIT {
    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    @Test
    public void errorPageWhenTomcatAnswersThenNoReportStackTraceOrVersion() {
        String[] paths = {"/no/such/page", "/rest/api/2%2fmyself", "/rest/pat/latest/tokens/%zz"};
        int[] statuses = {404, 400, 400};
        for (int i = 0; i < paths.length; i++) {
            HttpCall.Response r = HttpCall.to(HOST.host()).get(paths[i]).basic("alice", "alice").sendVerbatim();
            assertEquals(paths[i] + ": " + r, statuses[i], r.status);
            assertTrue(paths[i] + ": " + r, r.body.contains("<h1>HTTP Status " + statuses[i]));
            assertNoServerDetails(paths[i], r);
            for (String report : new String[] {"Exception", "Message", "Description", "Note"}) {
                assertFalse(paths[i] + " has Tomcat's report (" + report + "): " + r, r.body.contains(report));
            }
        }
    }

    @Test
    public void pluginErrorWhenRestRefusesThenThePluginsJsonNotAnErrorPage() {
        HttpCall.Response anonymous = HttpCall.to(HOST.host()).get("/rest/pat/latest/tokens").send();
        assertEquals(anonymous.toString(), 401, anonymous.status);
        assertTrue(anonymous.toString(), anonymous.header("Content-Type").startsWith("application/json"));
        assertTrue(anonymous.body, anonymous.body.contains("\"exception\":"));
        assertNoServerDetails("anonymous", anonymous);

        HttpCall.Response bad = HttpCall.to(HOST.host()).post("/rest/pat/latest/tokens").basic("alice", "alice")
                .json("{\"name\":").send();
        assertEquals(bad.toString(), 400, bad.status);
        assertTrue(bad.body, bad.body.contains("\"exception\":"));
        assertNoServerDetails("bad body", bad);
    }

    @Test
    public void connectionWhenTwoRequestsThenBothAnsweredOnIt() throws IOException {
        String head = "GET " + HOST.host().baseUri().getRawPath() + "/rest/api/2/serverInfo HTTP/1.1\r\nHost: "
                + HOST.host().baseUri().getRawAuthority() + "\r\n";
        try (Socket socket = new Socket(HOST.host().baseUri().getHost(), HOST.host().baseUri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String first = answer(in);
            assertTrue(first, first.startsWith("HTTP/1.1 200"));
            assertFalse("the first answer closes the connection: " + first, first.contains("Connection: close"));
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String second = answer(in);
            assertTrue(second, second.startsWith("HTTP/1.1 200"));
        }
    }

    @Test
    public void staticWhenAuiFileThenServedWithItsMediaTypeAndNoListing() throws IOException {
        Path aui = Paths.get("target/devhost-web/node_modules/@atlassian/aui/dist/aui/aui-prototyping.css");
        if (!Files.isRegularFile(aui)) {
            throw new AssertionError(aui + " is missing: the build installs AUI (src/devhost/web/install.sh)");
        }
        HttpCall.Response css = HttpCall.to(HOST.host()).get("/static/@atlassian/aui/dist/aui/aui-prototyping.css").send();
        assertEquals(css.toString(), 200, css.status);
        assertTrue(css.toString(), css.header("Content-Type").startsWith("text/css"));
        assertEquals(Files.size(aui), css.body.getBytes(StandardCharsets.UTF_8).length);
        HttpCall.Response js = HttpCall.to(HOST.host()).get("/static/jquery/dist/jquery.min.js").send();
        assertEquals(js.toString(), 200, js.status);
        assertTrue(js.toString(), js.header("Content-Type").contains("javascript"));
        assertEquals(404, HttpCall.to(HOST.host()).get("/static/jquery/dist/").send().status);
        assertEquals(404, HttpCall.to(HOST.host()).get("/static/../WEB-INF/web.xml").sendVerbatim().status);
    }

    @Test
    public void pathWhenOutsideTheJiraContextThen404() {
        HttpCall.Response r = HttpCall.to(HOST.host().baseUri().resolve("/")).get("secure/ViewProfile.jspa").send();
        assertEquals(r.toString(), 404, r.status);
        assertNoServerDetails("outside the context", r);
    }

    @Test
    public void listenerWhenStartedThenOnLoopbackOnly() throws IOException {
        assertEquals("mvn -Prun's address", "127.0.0.1", DevHost.Config.fromSystemProperties().host);
        InetAddress outside = nonLoopbackAddress();
        if (outside == null) {
            System.out.println("[devhost] no non-loopback IPv4 address on this machine: loopback-only not checked");
        }
        Assume.assumeNotNull(outside);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(outside, HOST.host().baseUri().getPort()), 2_000);
            fail("the dev host answers on " + outside.getHostAddress() + ", not only on loopback");
        } catch (ConnectException | SocketTimeoutException refused) {
            // only 127.0.0.1 listens
        }
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }

    private static void assertNoServerDetails(String what, HttpCall.Response r) {
        assertNull(what + ": Server header " + r, r.header("Server"));
        for (String leak : new String[] {"Tomcat", "\tat ", "Apache", "9.0."}) {
            assertFalse(what + " tells " + leak + ": " + r, r.body.contains(leak));
        }
    }

    /** One HTTP/1.1 answer with a Content-Length, read from a connection that stays open. */
    private static String answer(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int end = -1;
        long length = -1;
        while (end < 0 || received.size() < end + 4 + length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            received.write(b);
            String text = received.toString(StandardCharsets.ISO_8859_1);
            if (end < 0 && text.endsWith("\r\n\r\n")) {
                end = text.length() - 4;
                for (String line : text.substring(0, end).split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                assertTrue("no Content-Length: " + text, length >= 0);
            }
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
