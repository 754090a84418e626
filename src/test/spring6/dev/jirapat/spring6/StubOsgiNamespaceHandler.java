package dev.jirapat.spring6;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.xml.AbstractBeanDefinitionParser;
import org.springframework.beans.factory.xml.NamespaceHandlerSupport;
import org.springframework.beans.factory.xml.ParserContext;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Gemini Blueprint's {@code osgi:} namespace on plain Spring 6, for Spring6ContextIT (compiled by
 * that test against Spring 6, never shipped): {@code <osgi:reference>} becomes a stub of the host service's
 * interface (methods return stubs of interfaces, else null, false or zero), failing the context like Gemini when the
 * test marks the service absent and the reference is mandatory; {@code <osgi:service>} checks that the bean
 * implements the interface and records the export.
 */
public final class StubOsgiNamespaceHandler extends NamespaceHandlerSupport {

    /** Interfaces the test's host does not offer. */
    public static final Set<String> ABSENT = ConcurrentHashMap.newKeySet();
    /** {@code interface=bean class} of every {@code <osgi:service>}. */
    public static final List<String> EXPORTED = new CopyOnWriteArrayList<>();

    @Override
    public void init() {
        registerBeanDefinitionParser("reference", new AbstractBeanDefinitionParser() {
            @Override
            protected AbstractBeanDefinition parseInternal(Element element, ParserContext context) {
                NodeList values = element.getElementsByTagNameNS("*", "value");
                String name = element.hasAttribute("interface") ? element.getAttribute("interface").trim()
                        : values.getLength() == 1 ? values.item(0).getTextContent().trim() : null;
                if (name == null) {
                    context.getReaderContext().error("<osgi:reference> needs exactly one interface", element);
                }
                return BeanDefinitionBuilder.genericBeanDefinition(StubReference.class)
                        .addConstructorArgValue(name)
                        .addConstructorArgValue("optional".equals(element.getAttribute("availability")))
                        .getBeanDefinition();
            }
        });
        registerBeanDefinitionParser("service", new AbstractBeanDefinitionParser() {
            @Override
            protected AbstractBeanDefinition parseInternal(Element element, ParserContext context) {
                return BeanDefinitionBuilder.genericBeanDefinition(ServiceExport.class)
                        .addConstructorArgValue(element.getAttribute("interface"))
                        .addConstructorArgReference(element.getAttribute("ref"))
                        .getBeanDefinition();
            }

            @Override
            protected boolean shouldGenerateIdAsFallback() {
                return true;
            }
        });
    }

    /** A host service: a stub of its interface. */
    public static final class StubReference implements FactoryBean<Object>, InitializingBean, BeanClassLoaderAware {
        private final String interfaceName;
        private final boolean optional;
        private ClassLoader loader;

        public StubReference(String interfaceName, boolean optional) {
            this.interfaceName = interfaceName;
            this.optional = optional;
        }

        @Override
        public void setBeanClassLoader(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public void afterPropertiesSet() {
            if (ABSENT.contains(interfaceName) && !optional) {
                throw new IllegalStateException("no service " + interfaceName + " (mandatory osgi:reference)");
            }
        }

        @Override
        public Object getObject() throws ClassNotFoundException {
            return stub(Class.forName(interfaceName, false, loader));
        }

        @Override
        public Class<?> getObjectType() {
            try {
                return Class.forName(interfaceName, false, loader);
            } catch (ClassNotFoundException e) {
                return null;
            }
        }
    }

    /** An exported bean, checked against its interface. */
    public static final class ServiceExport implements InitializingBean, BeanClassLoaderAware {
        private final String interfaceName;
        private final Object bean;
        private ClassLoader loader;

        public ServiceExport(String interfaceName, Object bean) {
            this.interfaceName = interfaceName;
            this.bean = bean;
        }

        @Override
        public void setBeanClassLoader(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public void afterPropertiesSet() throws ClassNotFoundException {
            if (!Class.forName(interfaceName, false, loader).isInstance(bean)) {
                throw new IllegalStateException(bean.getClass().getName() + " does not implement " + interfaceName);
            }
            EXPORTED.add(interfaceName + "=" + bean.getClass().getName());
        }
    }

    static Object stub(Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals": return proxy == args[0];
                    case "hashCode": return System.identityHashCode(proxy);
                    default: return "stub " + type.getName();
                }
            }
            Class<?> returns = method.getReturnType();
            if (returns.isInterface()) {
                return stub(returns);
            }
            if (returns == boolean.class) {
                return false;
            }
            if (returns.isPrimitive() && returns != void.class) {
                return ZERO.get(returns);
            }
            return null;
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static final Map<Class<?>, Object> ZERO = Map.of(int.class, 0, long.class, 0L, double.class, 0d,
            float.class, 0f, short.class, (short) 0, byte.class, (byte) 0, char.class, (char) 0);
}
