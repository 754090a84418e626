package dev.jirapat.devhost;

import org.junit.rules.ExternalResource;

import java.util.function.Supplier;

/**
 * One dev host for a test class: {@code @ClassRule public static final DevHostRule HOST = new DevHostRule();}
 * starts it on a free loopback port with a fresh database before the first test and stops it after the last.
 */
public final class DevHostRule extends ExternalResource {
    private final Supplier<DevHost.Config> config;
    private DevHost host;

    public DevHostRule() {
        this(DevHost.Config::forTest);
    }

    public DevHostRule(Supplier<DevHost.Config> config) {
        this.config = config;
    }

    @Override
    protected void before() {
        host = DevHost.start(config.get());
    }

    @Override
    protected void after() {
        if (host != null) {
            host.close();
        }
    }

    public DevHost host() {
        return host;
    }
}
