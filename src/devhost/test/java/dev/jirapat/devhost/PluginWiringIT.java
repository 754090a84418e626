package dev.jirapat.devhost;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * A broken copy of a plugin's descriptor or Spring XML (the real plugin's files, or the fixture plugin's) stops the
 * host from starting with a message that names the culprit. That the real plugin's own wiring builds in the host is
 * the plugin's test, {@code dev.jirapat.PluginContextIT}.
 */
public class PluginWiringIT {
    private static final Path SPRING_XML = Paths.get("src", "main", "resources", "META-INF", "spring", "plugin-context.xml");
    private static final Path FIXTURE_DESCRIPTOR = DevHostModulesIT.FIXTURE.resolve("atlassian-plugin.xml");
    private static final Path FIXTURE_SPRING_XML = DevHostModulesIT.FIXTURE.resolve("fixture-context.xml");

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    // --- broken Spring XML ------------------------------------------------------------------------------------

    @Test
    public void startWhenSpringXmlNamesMissingClassThenFailsNamingIt() throws IOException {
        Path broken = copyReplacing(SPRING_XML, "\"dev.jirapat.store.AoTokenStore\"", "\"dev.jirapat.store.AoTokenStoreGone\"");
        assertStartFails(config().springXml(broken), "dev.jirapat.store.AoTokenStoreGone");
    }

    @Test
    public void startWhenReferenceNamesUnknownInterfaceThenFailsNamingIt() throws IOException {
        Path broken = copyReplacing(SPRING_XML, "com.atlassian.jira.security.GlobalPermissionManager<",
                "com.atlassian.jira.security.NoSuchPermissionManager<");
        assertStartFails(config().springXml(broken), "com.atlassian.jira.security.NoSuchPermissionManager");
    }

    @Test
    public void startWhenUnusedReferenceNamesServiceHostLacksThenFailsNamingIt() throws IOException {
        // Gemini waits for every mandatory reference, used or not, and fails the plugin when one never comes.
        Path broken = copyReplacing(SPRING_XML, "<!-- Host services -->", "<!-- Host services -->\n"
                + "<osgi:reference id=\"unused\"><osgi:interfaces><beans:value>com.example.NotAHostService</beans:value></osgi:interfaces></osgi:reference>");
        assertStartFails(config().springXml(broken), "com.example.NotAHostService");
    }

    @Test
    public void startWhenOptionalReferenceNamesServiceHostLacksThenStarts() throws IOException {
        Path optional = copyReplacing(SPRING_XML, "<!-- Host services -->", "<!-- Host services -->\n"
                + "<osgi:reference id=\"maybe\" availability=\"optional\"><osgi:interfaces><beans:value>com.example.NotAHostService</beans:value></osgi:interfaces></osgi:reference>");
        try (DevHost started = DevHost.start(config().springXml(optional))) {
            assertTrue(Arrays.asList(started.beanNames()).contains("maybe"));
        }
    }

    @Test
    public void startWhenTwoBeansShareAModuleParameterTypeThenFailsNamingIt() throws IOException {
        // The Bearer filter's parameter is named clock: only a container that read parameter names would pick the
        // bean "clock"; Atlassian's, like the host's, autowires by type alone.
        String clock = "<beans:bean id=\"clock\" class=\"java.time.Clock\" factory-method=\"systemUTC\"/>";
        Path broken = copyReplacing(SPRING_XML, clock,
                clock + "\n<beans:bean id=\"otherClock\" class=\"java.time.Clock\" factory-method=\"systemUTC\"/>");
        assertStartFails(config().springXml(broken), "java.time.Clock");
    }

    @Test
    public void startWhenSpringXmlIsNotXmlThenFailsNamingTheFile() throws IOException {
        Path broken = temp.newFile("plugin-context.xml").toPath();
        Files.write(broken, "<beans:beans this is not xml".getBytes(StandardCharsets.UTF_8));
        assertStartFails(config().springXml(broken), broken.getFileName().toString());
    }

    // --- broken descriptor ------------------------------------------------------------------------------------

    @Test
    public void startWhenDescriptorIsNotXmlThenFailsNamingTheFile() throws IOException {
        Path broken = temp.newFile("atlassian-plugin.xml").toPath();
        Files.write(broken, "atlassian-plugin key=oops".getBytes(StandardCharsets.UTF_8));
        assertStartFails(config().descriptor(broken), broken.toString());
    }

    @Test
    public void startWhenAoEntityClassMissingThenFailsNamingIt() throws Exception {
        Path broken = copyReplacing(realDescriptor(), "<entity>dev.jirapat.store.TokenEntity</entity>",
                "<entity>dev.jirapat.store.TokenEntityGone</entity>");
        assertStartFails(config().descriptor(broken), "dev.jirapat.store.TokenEntityGone");
    }

    @Test
    public void startWhenFilterClassMissingThenFailsNamingIt() throws IOException {
        assertFixtureStartFails("dev.jirapat.devhost.fixture.BeforeLoginProbe\"", "dev.jirapat.devhost.fixture.NoSuchFilter\"",
                "dev.jirapat.devhost.fixture.NoSuchFilter");
    }

    @Test
    public void startWhenFilterClassIsNotAFilterThenFailsNamingIt() throws IOException {
        assertFixtureStartFails("dev.jirapat.devhost.fixture.BeforeLoginProbe\"", "dev.jirapat.devhost.fixture.Greeter\"",
                "dev.jirapat.devhost.fixture.Greeter");
    }

    @Test
    public void startWhenFilterLocationUnknownThenFailsNamingIt() throws IOException {
        assertFixtureStartFails("location=\"before-login\" weight=\"20\"", "location=\"before-logon\" weight=\"20\"", "before-logon");
    }

    @Test
    public void startWhenServletClassMissingThenFailsNamingIt() throws IOException {
        assertFixtureStartFails("dev.jirapat.devhost.fixture.GreetingServlet", "dev.jirapat.devhost.fixture.NoSuchServlet",
                "dev.jirapat.devhost.fixture.NoSuchServlet");
    }

    @Test
    public void startWhenRestPackageHasNoResourcesThenFailsNamingIt() throws IOException {
        assertFixtureStartFails("<package>dev.jirapat.devhost.fixture.rest</package>",
                "<package>dev.jirapat.devhost.fixture.nosuchpackage</package>", "dev.jirapat.devhost.fixture.nosuchpackage");
    }

    @Test
    public void startWhenRestResourceCannotBeWiredThenFailsNamingIt() throws IOException {
        assertFixtureStartFails("<package>dev.jirapat.devhost.fixture.rest</package>",
                "<package>dev.jirapat.devhost.fixture.unwired</package>", "dev.jirapat.devhost.fixture.unwired.UnwiredResource");
    }

    @Test
    public void startWhenWebPanelContextProviderMissingThenFailsNamingIt() throws IOException {
        assertFixtureStartFails("dev.jirapat.devhost.fixture.FixtureContextProvider", "dev.jirapat.devhost.fixture.NoSuchProvider",
                "dev.jirapat.devhost.fixture.NoSuchProvider");
    }

    @Test
    public void startWhenWebPanelViewMissingThenFailsNamingIt() throws IOException {
        assertFixtureStartFails("devhost/fixture/panel.vm", "devhost/fixture/no-such-panel.vm", "devhost/fixture/no-such-panel.vm");
    }

    @Test
    public void startWhenWebResourceFileMissingThenFailsNamingIt() throws IOException {
        assertFixtureStartFails("location=\"devhost/fixture/fixture.js\"", "location=\"devhost/fixture/no-such.js\"",
                "devhost/fixture/no-such.js");
    }

    @Test
    public void startWhenWebResourceDependsOnUnknownModuleThenFailsNamingIt() throws IOException {
        assertFixtureStartFails("<dependency>com.atlassian.auiplugin:ajs</dependency>",
                "<dependency>dev.jirapat.devhost.fixture:no-such-resources</dependency>", "dev.jirapat.devhost.fixture:no-such-resources");
    }

    @Test
    public void startWhenFixtureUnbrokenThenStarts() {
        // The control for the fixture cases above: each differs from a copy that starts.
        try (DevHost ok = DevHost.start(DevHostModulesIT.fixtureConfig())) {
            assertEquals(200, HttpCall.to(ok).get("/rest/api/2/serverInfo").send().status);
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private void assertFixtureStartFails(String from, String to, String culprit) throws IOException {
        Path descriptor = copyReplacing(FIXTURE_DESCRIPTOR, from, to);
        assertStartFails(config().descriptor(descriptor).springXml(FIXTURE_SPRING_XML), culprit);
    }

    private static DevHost.Config config() {
        return DevHost.Config.forTest();
    }

    private static void assertStartFails(DevHost.Config config, String culprit) {
        DevHost started = null;
        try {
            started = DevHost.start(config);
            fail("the HOST.host() started although the plugin names " + culprit);
        } catch (DevHostException e) {
            assertTrue("the message names " + culprit + ": " + e.getMessage(), e.getMessage().contains(culprit));
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    private Path copyReplacing(Path source, String from, String to) throws IOException {
        String text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
        assertTrue(source + " contains " + from, text.contains(from));
        Path copy = temp.newFolder().toPath().resolve(source.getFileName());
        Files.write(copy, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    /**
     * The descriptor the host reads by default, from the class path (the line's jar or target/classes), copied to a
     * file: a resource in a jar has no file path of its own.
     */
    private Path realDescriptor() throws IOException {
        Path copy = temp.newFolder().toPath().resolve("atlassian-plugin.xml");
        try (InputStream in = PluginWiringIT.class.getClassLoader().getResourceAsStream("atlassian-plugin.xml")) {
            assertTrue("atlassian-plugin.xml is on the class path", in != null);
            Files.copy(in, copy);
        }
        return copy;
    }
}
