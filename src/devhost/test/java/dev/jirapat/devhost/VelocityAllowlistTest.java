package dev.jirapat.devhost;

import dev.jirapat.devhost.fixture.FixtureView;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The dev host's stand-in for Jira 10's Velocity method allowlist (the fixture template
 * devhost/fixture/velocity/calls.vm, one kind of call a line): listed plugin methods and the global basics run,
 * everything else is blocked, logged, collected and never invoked.
 */
public class VelocityAllowlistTest {
    private static final String TEMPLATE = "devhost/fixture/velocity/calls.vm";
    private static final String VIEW = "dev.jirapat.devhost.fixture.FixtureView";

    private final FixtureView view = new FixtureView();

    private Map<String, String> render(VelocityViews views) {
        Map<String, Object> context = new HashMap<>();
        context.put("view", view);
        context.put("text", "abc");
        Map<String, String> map = new HashMap<>();
        map.put("key", "map-value");
        context.put("map", map);
        context.put("list", new ArrayList<>(Arrays.asList("one", "two")));
        context.put("i18n", new DevI18n(Collections.singletonList("devhost.fixture.fixture")));
        String out = views.render(TEMPLATE, context, "test");
        Map<String, String> lines = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String key = line.substring(0, eq).trim();
                lines.put(lines.containsKey(key) ? key + lines.size() : key, line.substring(eq + 1).trim());
            }
        }
        return lines;
    }

    private static VelocityViews views(String... pluginEntries) {
        return new VelocityViews(VelocityAllowlist.of(Arrays.asList(pluginEntries)));
    }

    @Test
    public void pluginMethodWhenListedThenCalled() {
        VelocityViews views = views(VIEW + "#getListed()");
        assertEquals("[listed-value]", render(views).get("listed"));
        assertFalse(views.allowlist().violations().toString(),
                views.allowlist().violations().stream().anyMatch(v -> v.contains("getListed")));
    }

    @Test
    public void pluginMethodWhenNotListedThenBlockedLoggedAndNeverRun() {
        VelocityViews views = views(VIEW + "#getListed()");
        Map<String, String> out = render(views);
        assertEquals("[]", out.get("unlisted"));
        assertEquals("[]", out.get("unlistedCall"));
        assertEquals("an #if on a blocked call is false", "[false]", out.get("unlistedIf"));
        assertEquals("the blocked method never ran", 0, view.unlistedCalls());
        List<String> violations = views.allowlist().violations();
        assertTrue(violations.toString(), violations.contains(
                "Method needs allowlisting: " + VIEW + "#getUnlisted() (" + TEMPLATE + " line 3, column 18)"));
    }

    @Test
    public void pluginMethodWhenListedWithOtherParameterTypesThenBlocked() {
        VelocityViews views = views(VIEW + "#getListed()", VIEW + "#greet(java.lang.Object)");
        assertEquals("[]", render(views).get("greet"));
        assertTrue(views.allowlist().violations().toString(), views.allowlist().violations().stream()
                .anyMatch(v -> v.startsWith("Method needs allowlisting: " + VIEW + "#greet(java.lang.String) (")));

        VelocityViews exact = views(VIEW + "#getListed()", VIEW + "#greet(java.lang.String)");
        assertEquals("[hello bob]", render(exact).get("greet"));
    }

    @Test
    public void jdkBasicsWhenOnGlobalListThenRunAndOthersBlocked() {
        VelocityViews views = views();
        Map<String, String> out = render(views);
        assertEquals("[3]", out.get("length"));
        assertEquals("[map-value]", out.get("mapGet"));
        assertEquals("#foreach over a list", "[one]", out.get("item"));
        assertEquals("[Fixture panel]", out.get("i18n"));
        assertEquals("[]", out.get("upper"));
        assertEquals("[]", out.get("klass"));
        assertEquals("a property write is a call too (Map.put)", "[]", out.get("mapPut"));
        List<String> violations = views.allowlist().violations();
        for (String call : new String[] {"java.lang.String#toUpperCase()", "java.lang.Object#getClass()",
                "java.util.Map#put(java.lang.Object,java.lang.Object)"}) {
            assertTrue(call + " in " + violations, violations.stream()
                    .anyMatch(v -> v.startsWith("Method needs allowlisting: " + call + " (")));
        }
        for (String allowed : new String[] {"#length()", "#get(", "#iterator()", "#getText("}) {
            assertFalse(allowed + " in " + violations, violations.stream().anyMatch(v -> v.contains(allowed)));
        }
    }

    @Test
    public void descriptorEntryWhenNamingAClassNotThePluginsThenIgnored() {
        VelocityViews views = views("java.lang.String#toUpperCase()");
        assertTrue(views.allowlist().pluginEntries().isEmpty());
        assertEquals("[]", render(views).get("upper"));
    }

    @Test
    public void entryWhenMalformedThenHostRefusesIt() {
        for (String bad : new String[] {VIEW + ".getListed()", VIEW + "#getListed", VIEW + "#greet(java.lang.String, int)",
                "FixtureView#getListed()x"}) {
            try {
                VelocityAllowlist.of(Collections.singletonList(bad));
                fail(bad);
            } catch (DevHostException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains(bad));
            }
        }
    }

    @Test
    public void descriptorWhenItHasAllowlistModulesThenEveryMethodEntryIsRead() {
        String xml = "<atlassian-plugin key=\"k\"><velocity-allowlist key=\"a\"><method> a.B#c() </method>"
                + "<method>a.B#d(int,java.lang.String[])</method></velocity-allowlist>"
                + "<velocity-allowlist key=\"b\"><method>a.C#e()</method></velocity-allowlist></atlassian-plugin>";
        assertEquals(Arrays.asList("a.B#c()", "a.B#d(int,java.lang.String[])", "a.C#e()"),
                VelocityAllowlist.entriesOf(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    public void violationsWhenClearedThenEmpty() {
        VelocityViews views = views();
        render(views);
        assertFalse(views.allowlist().violations().isEmpty());
        views.allowlist().clearViolations();
        assertTrue(views.allowlist().violations().isEmpty());
        assertTrue(views.rendered().contains(TEMPLATE));
    }
}
