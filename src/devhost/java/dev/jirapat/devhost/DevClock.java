package dev.jirapat.devhost;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The host's clock, shared with the plugin (it replaces the plugin's {@code clock} bean): real time plus an offset
 * that only grows. {@code POST /jira/devhost/clock} and tests move it forward, so a token can be watched going from
 * active to expired, and its jobs become due, in a minute.
 */
public final class DevClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** Moves time forward; a negative or zero duration is refused (time never goes back). */
    public synchronized Instant advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("time only moves forward: " + by);
        }
        offset = offset.plus(by);
        return instant();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /**
     * Puts this clock in place of the plugin's bean {@code beanId} (a {@code java.time.Clock}), so the plugin and the
     * host tell the same time; a plugin without such a bean keeps its own time.
     */
    static BeanFactoryPostProcessor replacing(String beanId, DevClock clock) {
        return beans -> {
            if (!beans.containsBeanDefinition(beanId) || !(beans instanceof BeanDefinitionRegistry)) {
                return;
            }
            if (!Clock.class.getName().equals(beans.getBeanDefinition(beanId).getBeanClassName())) {
                throw new DevHostException("The dev host shares its clock with the plugin through the bean " + beanId
                        + ", which is not a " + Clock.class.getName() + " in the plugin's Spring XML");
            }
            BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beans;
            registry.removeBeanDefinition(beanId);
            registry.registerBeanDefinition(beanId, BeanDefinitionBuilder
                    .genericBeanDefinition(DevClock.class, () -> clock).getBeanDefinition());
        };
    }
}
