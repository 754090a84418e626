package dev.jirapat.extenderconfig;

import org.eclipse.gemini.blueprint.context.DelegatedExecutionOsgiBundleApplicationContext;
import org.eclipse.gemini.blueprint.context.support.OsgiBundleXmlApplicationContext;
import org.eclipse.gemini.blueprint.extender.OsgiApplicationContextCreator;
import org.eclipse.gemini.blueprint.extender.support.ApplicationContextConfiguration;
import org.eclipse.gemini.blueprint.extender.support.scanning.DefaultConfigurationScanner;
import org.osgi.framework.BundleContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;

/**
 * The Gemini Blueprint extender's context creator, configured as Atlassian's plugin system configures it: the
 * Spring XML is read without schema validation, and constructor autowiring never looks at parameter names (two
 * beans of one type are ambiguous, whatever the parameter is called).
 *
 * <p>Not compiled by the build: SpringExtenderIT compiles it against the bundles in target/osgi-bundles and packs
 * it, with META-INF/spring/extender/atlassian-like.xml, into a fragment of the extender bundle.
 */
public class AtlassianLikeContextCreator implements OsgiApplicationContextCreator {

    @Override
    public DelegatedExecutionOsgiBundleApplicationContext createApplicationContext(BundleContext bundleContext) {
        ApplicationContextConfiguration config =
                new ApplicationContextConfiguration(bundleContext.getBundle(), new DefaultConfigurationScanner());
        if (!config.isSpringPoweredBundle()) {
            return null;
        }
        NonValidatingContext context = new NonValidatingContext(config.getConfigurationLocations());
        context.setBundleContext(bundleContext);
        context.setPublishContextAsService(config.isPublishContextAsService());
        return context;
    }

    public static class NonValidatingContext extends OsgiBundleXmlApplicationContext {
        public NonValidatingContext(String[] configLocations) {
            super(configLocations);
        }

        @Override
        protected void initBeanDefinitionReader(XmlBeanDefinitionReader reader) {
            super.initBeanDefinitionReader(reader);
            reader.setValidationMode(XmlBeanDefinitionReader.VALIDATION_NONE);
            reader.setNamespaceAware(true);
        }

        @Override
        protected void customizeBeanFactory(DefaultListableBeanFactory beanFactory) {
            super.customizeBeanFactory(beanFactory);
            beanFactory.setParameterNameDiscoverer(null);
        }
    }
}
