package dev.jirapat.devhost;

import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.xml.AbstractBeanDefinitionParser;
import org.springframework.beans.factory.xml.NamespaceHandlerSupport;
import org.springframework.beans.factory.xml.ParserContext;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Gemini Blueprint's {@code <osgi:reference>} and {@code <osgi:service>} (and the old Spring DM
 * namespace) so the plugin's own {@code plugin-context.xml} builds the plugin's object graph here: a reference
 * resolves to the host's service for that interface; a service is recorded as exported.
 */
public final class OsgiNamespaceHandler extends NamespaceHandlerSupport {
    static final String SERVICES_BEAN = "devhost.hostServices";

    @Override
    public void init() {
        registerBeanDefinitionParser("reference", new ReferenceParser());
        registerBeanDefinitionParser("service", new ServiceParser());
    }

    private static final class ReferenceParser extends AbstractBeanDefinitionParser {
        @Override
        protected AbstractBeanDefinition parseInternal(Element element, ParserContext context) {
            List<String> interfaces = new ArrayList<>();
            if (element.hasAttribute("interface")) {
                interfaces.add(element.getAttribute("interface").trim());
            }
            NodeList nodes = element.getElementsByTagNameNS("*", "value");
            for (int i = 0; i < nodes.getLength(); i++) {
                interfaces.add(nodes.item(i).getTextContent().trim());
            }
            if (interfaces.size() != 1) {
                context.getReaderContext().error("<osgi:reference> needs exactly one interface", element);
            }
            return BeanDefinitionBuilder.genericBeanDefinition(ServiceReference.class)
                    .addConstructorArgReference(SERVICES_BEAN)
                    .addConstructorArgValue(interfaces.get(0))
                    .addPropertyValue("optional", "optional".equals(element.getAttribute("availability"))
                            || element.getAttribute("cardinality").startsWith("0.."))
                    .getBeanDefinition();
        }
    }

    private static final class ServiceParser extends AbstractBeanDefinitionParser {
        @Override
        protected AbstractBeanDefinition parseInternal(Element element, ParserContext context) {
            String ref = element.getAttribute("ref");
            String iface = element.getAttribute("interface");
            if (ref.isEmpty() || iface.isEmpty()) {
                context.getReaderContext().error("<osgi:service> needs ref and interface attributes", element);
            }
            return BeanDefinitionBuilder.genericBeanDefinition(ServiceExport.class)
                    .addConstructorArgReference(SERVICES_BEAN)
                    .addConstructorArgValue(iface)
                    .addConstructorArgReference(ref)
                    .getBeanDefinition();
        }

        @Override
        protected boolean shouldGenerateIdAsFallback() {
            return true;
        }
    }

    /**
     * The host's service for one interface; fails startup when the host has none, even if no bean uses it yet,
     * as Gemini fails a plugin whose mandatory reference never resolves.
     */
    public static final class ServiceReference implements FactoryBean<Object>, InitializingBean {
        private final HostServices services;
        private final String interfaceName;
        private boolean optional;

        public ServiceReference(HostServices services, String interfaceName) {
            this.services = services;
            this.interfaceName = interfaceName;
        }

        /** {@code availability="optional"} (or Spring DM's {@code cardinality="0..1"}): no failure at startup. */
        public void setOptional(boolean optional) {
            this.optional = optional;
        }

        @Override
        public void afterPropertiesSet() {
            if (!optional) {
                services.lookup(interfaceName);
            }
        }

        @Override
        public Object getObject() {
            return services.lookup(interfaceName);
        }

        @Override
        public Class<?> getObjectType() {
            try {
                return Class.forName(interfaceName);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
    }

    /** Records a bean the plugin exports to the host. */
    public static final class ServiceExport implements InitializingBean {
        private final HostServices services;
        private final String interfaceName;
        private final Object bean;

        public ServiceExport(HostServices services, String interfaceName, Object bean) {
            this.services = services;
            this.interfaceName = interfaceName;
            this.bean = bean;
        }

        @Override
        public void afterPropertiesSet() {
            try {
                if (!Class.forName(interfaceName).isInstance(bean)) {
                    throw new DevHostException("<osgi:service> exports " + bean.getClass().getName() + " as " + interfaceName
                            + ", which it does not implement");
                }
            } catch (ClassNotFoundException e) {
                throw new DevHostException("<osgi:service> names the unknown interface " + interfaceName, e);
            }
            services.export(interfaceName, bean);
        }
    }
}
