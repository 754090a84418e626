package dev.jirapat.devhost;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.EntityManager;
import net.java.ao.RawEntity;
import net.java.ao.builder.EntityManagerBuilder;
import net.java.ao.schema.Case;
import net.java.ao.schema.UnderscoreFieldNameConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * Active Objects for the dev host, as the AO plugin provides it: a real {@link EntityManager} with Atlassian's
 * table and column naming, the {@code <ao>} module's entities migrated at start.
 */
final class DevDatabase implements AutoCloseable {
    private final EntityManager em;
    private final ActiveObjects activeObjects;

    DevDatabase(String url, String user, String password, String namespace, List<Class<? extends RawEntity<?>>> entities) {
        try {
            em = EntityManagerBuilder.url(url).username(user).password(password).auto()
                    .tableNameConverter(new AoTableNames(namespace))
                    .fieldNameConverter(new UnderscoreFieldNameConverter(Case.UPPER))
                    .build();
            @SuppressWarnings("unchecked")
            Class<? extends RawEntity<?>>[] types = entities.toArray(new Class[0]);
            em.migrate(types);
        } catch (Exception e) {
            throw new DevHostException("Could not open the database " + url + ": " + PluginContainer.rootMessage(e), e);
        }
        activeObjects = new EntityManagerActiveObjects(em);
    }

    @SuppressWarnings("unchecked")
    static List<Class<? extends RawEntity<?>>> entities(PluginDescriptor descriptor) {
        List<Class<? extends RawEntity<?>>> out = new ArrayList<>();
        for (String name : descriptor.aoEntities) {
            Class<?> type = PluginContainer.loadClass(name, "<ao> entity");
            if (!RawEntity.class.isAssignableFrom(type)) {
                throw new DevHostException("<ao> entity " + name + " is not an Active Objects entity");
            }
            out.add((Class<? extends RawEntity<?>>) type);
        }
        return out;
    }

    ActiveObjects activeObjects() {
        return activeObjects;
    }

    EntityManager entityManager() {
        return em;
    }

    @Override
    public void close() {
        em.getProvider().dispose();
    }
}
