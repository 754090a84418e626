package dev.jirapat;

import dev.jirapat.devhost.DevHostRule;
import dev.jirapat.devhost.DevUsers;
import org.junit.ClassRule;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The wiring is the plugin's own: the dev host builds every bean of the real plugin-context.xml, its references are
 * the host's services, and the descriptor's {@code <ao>} entity has its table.
 */
public class PluginContextIT {
    private static final Path SPRING_XML = Paths.get("src", "main", "resources", "META-INF", "spring", "plugin-context.xml");

    @ClassRule
    public static final DevHostRule HOST = new DevHostRule();

    @Test
    public void startWhenRealDescriptorAndSpringXmlThenEveryDeclaredBeanExists() throws Exception {
        List<String> declared = declaredBeanIds(SPRING_XML);
        assertTrue("plugin-context.xml declares beans: " + declared, declared.size() >= 5);
        List<String> names = Arrays.asList(HOST.host().beanNames());
        for (String id : declared) {
            assertTrue(id + " is in the host's context " + names, names.contains(id));
            assertNotNull(id, HOST.host().bean(id));
        }
    }

    @Test
    public void startWhenRealSpringXmlThenReferencesAreTheHostsServicesAndBeansAreThePlugins() {
        assertTrue(HOST.host().bean("jiraUserManager") instanceof DevUsers);
        assertTrue(HOST.host().bean("globalPermissionManager") instanceof DevUsers);
        assertTrue(HOST.host().bean("activeObjects") instanceof com.atlassian.activeobjects.external.ActiveObjects);
        assertTrue(HOST.host().bean("tokenStore") instanceof dev.jirapat.store.CachingTokenStore);
        assertEquals(HOST.host().bean("tokenService"), HOST.host().bean(dev.jirapat.token.TokenService.class));
    }

    @Test
    public void startWhenRealDescriptorThenItsAoEntityTableExists() {
        dev.jirapat.token.TokenService tokens = HOST.host().bean(dev.jirapat.token.TokenService.class);
        assertTrue(tokens.list(dev.jirapat.token.Actor.user(DevUsers.BOB_KEY)).isEmpty());
    }

    /** The id of every top-level element (bean or osgi:reference) of a Spring XML file. */
    static List<String> declaredBeanIds(Path springXml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder().parse(springXml.toFile()).getDocumentElement();
        List<String> ids = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element && !((Element) n).getAttribute("id").isEmpty()) {
                ids.add(((Element) n).getAttribute("id"));
            }
        }
        assertFalse(ids.isEmpty());
        return ids;
    }
}
