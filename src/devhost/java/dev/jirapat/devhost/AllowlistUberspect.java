package dev.jirapat.devhost;

import org.apache.velocity.runtime.RuntimeServices;
import org.apache.velocity.runtime.parser.node.AbstractExecutor;
import org.apache.velocity.runtime.parser.node.BooleanPropertyExecutor;
import org.apache.velocity.runtime.parser.node.GetExecutor;
import org.apache.velocity.runtime.parser.node.MapGetExecutor;
import org.apache.velocity.runtime.parser.node.MapSetExecutor;
import org.apache.velocity.runtime.parser.node.PropertyExecutor;
import org.apache.velocity.runtime.parser.node.PutExecutor;
import org.apache.velocity.runtime.parser.node.SetExecutor;
import org.apache.velocity.runtime.parser.node.SetPropertyExecutor;
import org.apache.velocity.util.RuntimeServicesAware;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;

/**
 * Velocity 1.7's introspection with {@link VelocityAllowlist} in front of every call a template makes: methods
 * ({@code $a.b()}), property reads and writes ({@code $a.b}: a getter, {@code Map.get}, {@code get(String)} or
 * {@code isB()}) and {@code #foreach} over a collection or a map. The method checked is the one Velocity resolved
 * (the same resolution, in the same order, as {@link UberspectImpl}); a blocked call resolves to nothing, as if
 * the method did not exist: it is never invoked and yields null (Velocity then prints a plain reference's source
 * text, as for any null, and nothing for {@code $!ref}; an {@code #if} on it is false).
 *
 * <p>Jira 10 enforces its list in its own introspector; this is the dev host's equivalent, for the Velocity the
 * dev host uses (1.7). The allowlist arrives as the engine's application attribute {@value #ALLOWLIST}.
 */
public final class AllowlistUberspect extends UberspectImpl implements RuntimeServicesAware {
    static final String ALLOWLIST = "dev.jirapat.devhost.VelocityAllowlist";
    private RuntimeServices runtime;
    private VelocityAllowlist allowlist;

    @Override
    public void setRuntimeServices(RuntimeServices rs) {
        this.runtime = rs;
    }

    @Override
    public void init() {
        super.init();
        Object list = runtime == null ? null : runtime.getApplicationAttribute(ALLOWLIST);
        if (!(list instanceof VelocityAllowlist)) {
            throw new DevHostException("AllowlistUberspect needs the engine's application attribute " + ALLOWLIST);
        }
        allowlist = (VelocityAllowlist) list;
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info i) throws Exception {
        VelMethod found = obj == null ? null : super.getMethod(obj, methodName, args, i);
        if (found == null) {
            return null; // no such method: Velocity's own "not found", not a blocked call
        }
        Method method = introspector.getMethod(obj.getClass(), methodName, args);
        if (method == null) {
            // Resolved only through Velocity's array wrapper or as a static method of a Class object: never allowed.
            allowlist.block(obj.getClass().getTypeName() + "#" + methodName + "(...)", where(i));
            return null;
        }
        return allowlist.check(obj.getClass(), method, where(i)) ? found : null;
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info i) throws Exception {
        VelPropertyGet found = obj == null ? null : super.getPropertyGet(obj, identifier, i);
        if (found == null) {
            return null;
        }
        Class<?> type = obj.getClass();
        AbstractExecutor executor = new PropertyExecutor(log, introspector, type, identifier);
        if (!executor.isAlive()) {
            executor = new MapGetExecutor(log, type, identifier);
        }
        if (!executor.isAlive()) {
            executor = new GetExecutor(log, introspector, type, identifier);
        }
        if (!executor.isAlive()) {
            executor = new BooleanPropertyExecutor(log, introspector, type, identifier);
        }
        return checked(type, executor.isAlive() ? executor.getMethod() : null, identifier, i) ? found : null;
    }

    @Override
    public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info i) throws Exception {
        VelPropertySet found = obj == null ? null : super.getPropertySet(obj, identifier, arg, i);
        if (found == null) {
            return null;
        }
        Class<?> type = obj.getClass();
        SetExecutor executor = new SetPropertyExecutor(log, introspector, type, identifier, arg);
        if (!executor.isAlive()) {
            executor = new MapSetExecutor(log, type, identifier);
        }
        if (!executor.isAlive()) {
            executor = new PutExecutor(log, introspector, type, arg, identifier);
        }
        return checked(type, executor.isAlive() ? executor.getMethod() : null, identifier, i) ? found : null;
    }

    /** {@code #foreach}: a collection's {@code iterator()}, a map's {@code values()}, or an object's iterator(). */
    @Override
    public Iterator getIterator(Object obj, Info i) throws Exception {
        if (obj == null) {
            return null;
        }
        Class<?> type = obj.getClass();
        Method method = null;
        if (obj instanceof Collection) {
            method = type.getMethod("iterator");
        } else if (obj instanceof Map) {
            method = type.getMethod("values");
        } else if (!type.isArray() && !(obj instanceof Iterator) && !(obj instanceof Enumeration)) {
            method = introspector.getMethod(type, "iterator", new Object[0]);
        }
        if (method != null && !allowlist.check(type, method, where(i))) {
            return null;
        }
        return super.getIterator(obj, i);
    }

    private boolean checked(Class<?> type, Method method, String identifier, Info i) {
        if (method == null) {
            allowlist.block(type.getTypeName() + "#" + identifier + " (a property Velocity resolves without a method)", where(i));
            return false;
        }
        return allowlist.check(type, method, where(i));
    }

    private static String where(Info i) {
        return i == null ? "unknown template" : i.getTemplateName() + " line " + i.getLine() + ", column " + i.getColumn();
    }
}
