package dev.jirapat.devhost;

import com.atlassian.sal.api.lifecycle.LifecycleAware;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.Resource;

/**
 * The plugin's Spring context, built from its own {@code META-INF/spring/plugin-context.xml} as Gemini
 * Blueprint builds it in Jira, with the host's services behind the {@code <osgi:reference>}s. Module classes
 * (filters, servlets, REST resources, context providers) are created by it with constructor autowiring.
 *
 * <p>As in Atlassian's container, autowiring goes by type only: parameter names are never read, so two beans of
 * a type a constructor takes fail the module, whatever the parameter is called.
 */
final class PluginContainer implements AutoCloseable {
    private final GenericApplicationContext context = new GenericApplicationContext(typeOnlyBeanFactory());

    /** @param adjustments changes the host makes to the plugin's bean definitions before any bean is created */
    PluginContainer(Resource springXml, HostServices services, BeanFactoryPostProcessor... adjustments) {
        context.getBeanFactory().registerSingleton(OsgiNamespaceHandler.SERVICES_BEAN, services);
        for (BeanFactoryPostProcessor adjustment : adjustments) {
            context.addBeanFactoryPostProcessor(adjustment);
        }
        XmlBeanDefinitionReader reader = new XmlBeanDefinitionReader(context);
        // Atlassian's context creator reads the XML without schema validation too (Gemini's own would validate).
        reader.setValidationMode(XmlBeanDefinitionReader.VALIDATION_NONE);
        reader.setNamespaceAware(true);
        try {
            reader.loadBeanDefinitions(springXml);
            context.refresh();
        } catch (RuntimeException e) {
            throw new DevHostException("The plugin's Spring context (" + springXml.getDescription() + ") failed: "
                    + rootMessage(e), e);
        }
        this.services = services;
        lifecycle().ifPresent(LifecycleAware::onStart); // SAL calls it once the plugin is enabled
    }

    private final HostServices services;

    /** The bean the plugin exported as a SAL {@link LifecycleAware} service, as SAL's lifecycle manager finds it. */
    private java.util.Optional<LifecycleAware> lifecycle() {
        Object exported = services.exported().get(LifecycleAware.class.getName());
        return java.util.Optional.ofNullable((LifecycleAware) exported);
    }

    /** Constructor autowiring by type alone: no parameter-name discovery to break a tie between two beans. */
    private static DefaultListableBeanFactory typeOnlyBeanFactory() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.setParameterNameDiscoverer(null);
        return beanFactory;
    }

    GenericApplicationContext context() {
        return context;
    }

    static Class<?> loadClass(String className, String where) {
        try {
            return Class.forName(className, true, PluginContainer.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DevHostException(where + " names the class " + className + ", which does not exist", e);
        }
    }

    /** A module instance, constructor-autowired from the plugin's beans, as the plugin system creates modules. */
    <T> T createModule(String className, Class<T> expected, String where) {
        Class<?> type = loadClass(className, where);
        if (!expected.isAssignableFrom(type)) {
            throw new DevHostException(where + ": " + className + " is not a " + expected.getName());
        }
        try {
            return expected.cast(context.getAutowireCapableBeanFactory()
                    .createBean(type, AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false));
        } catch (RuntimeException e) {
            throw new DevHostException(where + ": could not create " + className + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t instanceof DevHostException) {
                // The host's own words name the culprit; Spring's and the container's wrappers around them do not.
                return t.getMessage();
            }
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + t + ")";
    }

    @Override
    public void close() {
        try {
            lifecycle().ifPresent(LifecycleAware::onStop);
        } finally {
            context.close();
        }
    }
}
