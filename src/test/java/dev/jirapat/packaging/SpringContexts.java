package dev.jirapat.packaging;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

/**
 * The container start tests' calls into a Spring context that lives in another class loader (Spring's OSGi bundles
 * in Felix, or Spring 6 beside the jira11 jar), by reflection, and their one rule for how the plugin system creates
 * a module: constructor autowiring by type, exactly one candidate bean per parameter.
 */
final class SpringContexts {
    /** {@code AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR}. */
    static final int AUTOWIRE_CONSTRUCTOR = 3;

    private SpringContexts() {
    }

    /** A public method of a Spring object, by name and arguments (primitive parameters take their boxes). */
    static Object call(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m, args)) {
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name + " for " + Arrays.toString(args));
    }

    private static boolean accepts(Method m, Object[] args) {
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            Class<?> t = types[i] == int.class ? Integer.class : types[i] == boolean.class ? Boolean.class : types[i];
            if (args[i] != null && !t.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    /** Each parameter of the constructor autowiring would pick that has not exactly one bean of its type. */
    static List<String> ambiguousOrMissing(Object context, Class<?> type) throws Exception {
        Constructor<?>[] constructors = type.getConstructors();
        assertEquals(type + " public constructors", 1, constructors.length);
        List<String> problems = new ArrayList<>();
        for (Class<?> parameter : constructors[0].getParameterTypes()) {
            String[] names = (String[]) call(context, "getBeanNamesForType", parameter);
            if (names.length != 1) {
                problems.add(type.getName() + ": " + names.length + " beans of type " + parameter.getName() + " "
                        + Arrays.toString(names));
            }
        }
        return problems;
    }

    /** The module as the plugin system creates it: constructor-autowired from the context's beans. */
    static Object createModule(Object context, Class<?> type) throws Exception {
        Object factory = call(context, "getAutowireCapableBeanFactory");
        Method createBean = factory.getClass().getMethod("createBean", Class.class, int.class, boolean.class);
        return createBean.invoke(factory, type, AUTOWIRE_CONSTRUCTOR, false);
    }

    /** The id of every top-level bean and reference in a Spring XML context; fails when there is none. */
    static List<String> beanIds(String contextXml) throws Exception {
        List<String> ids = new ArrayList<>();
        for (Node n = parse(contextXml).getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).hasAttribute("id")) {
                ids.add(((Element) n).getAttribute("id"));
            }
        }
        assertFalse("no bean ids in the context XML", ids.isEmpty());
        return ids;
    }

    /** A descriptor or context XML, namespace aware, no DOCTYPE. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The last-use recorder's timer: set by its init-method, cleared by its destroy-method. */
    static Object timer(Object recorder) throws Exception {
        Field timer = recorder.getClass().getDeclaredField("timer");
        timer.setAccessible(true);
        synchronized (recorder) {
            return timer.get(recorder);
        }
    }

    /** The innermost cause, class and message, for a failure list. */
    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getName() + ": " + t.getMessage();
    }
}
