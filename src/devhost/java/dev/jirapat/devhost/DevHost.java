package dev.jirapat.devhost;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.cache.CacheManager;
import com.atlassian.jira.security.GlobalPermissionManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.auth.AuthenticationListener;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.DefaultServlet;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import javax.servlet.DispatcherType;
import javax.servlet.Filter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The development host: runs the plugin's real modules outside Jira, the way {@code atlas-run} runs them inside
 * it. Jetty 9.4 (servlet 3.1) at {@code http://localhost:2990/jira}; Active Objects on H2 (or any JDBC URL);
 * the plugin's Spring context from its own {@code plugin-context.xml}; modules mounted from its own
 * {@code atlassian-plugin.xml}; a Seraph-like security filter; a slice of Jira's REST API. It is a test
 * harness, not Jira.
 */
public final class DevHost implements AutoCloseable {
    private final Server server;
    private final DevDatabase database;
    private final FileDatabase file; // null for a database given by URL
    private final PluginContainer container;
    private final DevUsers users;
    private final OutageActiveObjects activeObjects;
    private final URI baseUri;

    private final Config config;

    private DevHost(Config config) throws Exception {
        this.config = config;
        users = DevUsers.fixture();
        PluginDescriptor descriptor;
        try (InputStream in = config.descriptor.getInputStream()) {
            descriptor = PluginDescriptor.parse(in, config.descriptor.getDescription());
        }
        file = config.dbUrl == null ? FileDatabase.claim(config.dataDir, config.fresh) : null;
        String url = file != null ? file.url() : config.dbUrl;
        try {
            database = new DevDatabase(url, config.dbUser, config.dbPassword,
                    descriptor.aoNamespace == null || descriptor.aoNamespace.isEmpty() ? descriptor.key : descriptor.aoNamespace,
                    DevDatabase.entities(descriptor));
        } catch (RuntimeException e) {
            if (file != null) {
                file.release();
            }
            if (FileDatabase.isLockError(e)) {
                throw file != null ? file.inUse(e) : FileDatabase.inUse(url, e);
            }
            throw e;
        }
        activeObjects = new OutageActiveObjects(database.activeObjects());
        DevApplicationProperties applicationProperties = new DevApplicationProperties();
        DevI18n i18n = new DevI18n(descriptor.i18nBundles);
        HostServices services = new HostServices()
                .add(ActiveObjects.class, activeObjects)
                .add(UserManager.class, users)
                .add(com.atlassian.jira.bc.user.search.UserSearchService.class, users)
                .add(GlobalPermissionManager.class, users)
                .add(PluginSettingsFactory.class, new DevPluginSettings())
                .add(JiraAuthenticationContext.class, CurrentUser::get)
                .add(AuthenticationListener.class, new DevAuthenticationListener())
                .add(I18nResolver.class, i18n)
                .add(ApplicationProperties.class, applicationProperties)
                .add(CacheManager.class, new DevCacheManager())
                .add(com.atlassian.sal.api.auth.LoginUriProvider.class, DevHostServices.loginUris(config.contextPath))
                .add(com.atlassian.sal.api.websudo.WebSudoManager.class, DevHostServices.webSudo(config.webSudoGranted))
                .add(com.atlassian.templaterenderer.TemplateRenderer.class,
                        DevHostServices.templates(new VelocityViews(), i18n))
                .add(com.atlassian.webresource.api.assembler.PageBuilderService.class, new DevPageBuilder())
                .add(com.atlassian.plugin.PluginAccessor.class, DevHostServices.plugins(config.builtInPatAppEnabled))
                .add(com.atlassian.scheduler.SchedulerService.class, config.scheduler);
        PluginContainer pluginContainer = null;
        try {
            pluginContainer = new PluginContainer(config.springXml, services, config.adjustments());
            container = pluginContainer;
            ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
            context.setContextPath(config.contextPath);
            context.addFilter(new FilterHolder(new BodySwallow()), "/*", EnumSet.of(DispatcherType.REQUEST));
            mountFilters(context, descriptor);
            mountServlets(context, descriptor, config);
            server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(config.host);
            connector.setPort(config.port);
            server.addConnector(connector);
            server.setHandler(context);
            server.setStopAtShutdown(false);
            server.start();
            String host = "0.0.0.0".equals(config.host) ? "localhost" : config.host;
            baseUri = URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":"
                    + connector.getLocalPort() + config.contextPath);
            applicationProperties.setBaseUrl(baseUri.toString());
            if (file != null) {
                file.ownedBy(connector.getLocalPort(), baseUri.toString());
            }
        } catch (Exception | Error e) {
            if (pluginContainer != null) {
                pluginContainer.close();
            }
            database.close();
            if (file != null) {
                file.release();
            }
            throw e;
        }
    }

    public static DevHost start(Config config) {
        try {
            return new DevHost(config);
        } catch (DevHostException e) {
            throw e;
        } catch (Exception e) {
            throw new DevHostException("The dev host failed to start: " + PluginContainer.rootMessage(e), e);
        }
    }

    private void mountFilters(ServletContextHandler context, PluginDescriptor descriptor) {
        List<PluginDescriptor.FilterModule> filters = new ArrayList<>(descriptor.filters);
        filters.sort(Comparator.comparing((PluginDescriptor.FilterModule f) -> f.location).thenComparingInt(f -> f.weight));
        // Jira's order: after-encoding, before-login, [login/security], before-decoration, before-dispatch.
        boolean securityMounted = false;
        for (PluginDescriptor.FilterModule f : filters) {
            if (!securityMounted && f.location.compareTo(PluginDescriptor.FilterModule.Location.BEFORE_DECORATION) >= 0) {
                mountSecurity(context);
                securityMounted = true;
            }
            String where = "<servlet-filter key=\"" + f.key + "\">";
            Filter filter = container.createModule(f.className, Filter.class, where);
            EnumSet<DispatcherType> dispatch = EnumSet.noneOf(DispatcherType.class);
            for (String d : f.dispatchers) {
                dispatch.add(DispatcherType.valueOf(d.toUpperCase(Locale.ROOT)));
            }
            FilterHolder holder = new FilterHolder(filter);
            holder.setName(f.key);
            for (String pattern : f.urlPatterns) {
                context.addFilter(holder, pattern, dispatch);
            }
        }
        if (!securityMounted) {
            mountSecurity(context);
        }
    }

    private void mountSecurity(ServletContextHandler context) {
        context.addFilter(new FilterHolder(new SecurityFilter(users)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new XsrfFilter()), "/rest/*", EnumSet.of(DispatcherType.REQUEST));
    }

    private void mountServlets(ServletContextHandler context, PluginDescriptor descriptor, Config config) {
        for (PluginDescriptor.RestModule rest : descriptor.rests) {
            ServletHolder holder = new ServletHolder(rest.key, JerseyMount.servlet(rest, container));
            context.addServlet(holder, "/rest" + rest.path + "/" + rest.version + "/*");
            context.addServlet(holder, "/rest" + rest.path + "/latest/*");
        }
        for (PluginDescriptor.ServletModule s : descriptor.servlets) {
            HttpServlet servlet = container.createModule(s.className, HttpServlet.class, "<servlet key=\"" + s.key + "\">");
            ServletHolder holder = new ServletHolder(s.key, servlet);
            for (String pattern : s.urlPatterns) {
                context.addServlet(holder, "/plugins/servlet" + pattern);
            }
        }
        WebResources resources = new WebResources(descriptor);
        // Sitemesh's place: plugin servlets' pages get the host frame and their required resources.
        FilterHolder decorator = new FilterHolder(new Decorator(resources));
        context.addFilter(decorator, "/plugins/servlet/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(decorator, "/secure/*", EnumSet.of(DispatcherType.REQUEST));
        WebPanels panels = new WebPanels(descriptor, container, new VelocityViews());
        context.addServlet(new ServletHolder(new JiraRestServlet()), "/rest/api/2/*");
        context.addServlet(new ServletHolder(new DevClockServlet(config.clock)), "/devhost/clock");
        context.addServlet(new ServletHolder(new DevJobsServlet(config.scheduler)), "/devhost/jobs/run");
        LoginServlet login = new LoginServlet(users);
        context.addServlet(new ServletHolder(login), "/login.jsp");
        context.addServlet(new ServletHolder(login), "/logout");
        context.addServlet(new ServletHolder(new ProfilePage(users, panels, resources)), "/secure/ViewProfile.jspa");
        context.addServlet(new ServletHolder(new AdminArea(descriptor, users)), "/secure/admin/*");
        context.addServlet(new ServletHolder(resources), "/download/resources/*");
        ServletHolder statics = new ServletHolder("static", DefaultServlet.class);
        statics.setInitParameter("resourceBase", config.webModules.toAbsolutePath().toString());
        statics.setInitParameter("pathInfoOnly", "true");
        statics.setInitParameter("dirAllowed", "false");
        context.addServlet(statics, "/static/*");
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                if ("/".equals(req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo()))) {
                    resp.sendRedirect(req.getContextPath() + "/secure/ViewProfile.jspa");
                } else {
                    resp.sendError(404);
                }
            }
        }), "/");
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The clock the host shares with the plugin; tests move it forward. */
    public DevClock clock() {
        return config.clock;
    }

    /** The host's atlassian-scheduler: the plugin's jobs, run by {@link DevScheduler#runDue()}. */
    public DevScheduler scheduler() {
        return config.scheduler;
    }

    public DevUsers users() {
        return users;
    }

    /**
     * Simulates a database outage (or ends it): while down, every Active Objects call throws as it does when
     * the connection pool cannot reach the database.
     */
    public void simulateDatabaseOutage(boolean down) {
        activeObjects.setDown(down);
    }

    /** The plugin's bean of this type, for tests that drive the plugin from inside (e.g. the benchmark). */
    public <T> T bean(Class<T> type) {
        return container.context().getBean(type);
    }

    public String[] beanNames() {
        return container.context().getBeanDefinitionNames();
    }

    /** The plugin's bean (or host service reference) with this id in its Spring XML. */
    public Object bean(String name) {
        return container.context().getBean(name);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort; the JVM is usually going away
        }
        container.close();
        database.close();
        if (file != null) {
            file.release();
        }
    }

    /** How to start a host. Defaults are those of {@code mvn -Prun}. */
    public static final class Config {
        String host = "127.0.0.1"; // loopback only: the fixture users have their names as passwords
        int port = 2990;
        String contextPath = "/jira";
        Path dataDir = Paths.get("target", "devhost");
        boolean fresh;
        String dbUrl;
        String dbUser = "sa";
        String dbPassword = "";
        Resource descriptor = new ClassPathResource("atlassian-plugin.xml");
        Resource springXml = new ClassPathResource("META-INF/spring/plugin-context.xml");
        Path webModules = Paths.get("target", "devhost-web", "node_modules");
        boolean builtInPatAppEnabled = Boolean.getBoolean("pat.devhost.builtinPatEnabled");
        boolean webSudoGranted = true;
        Integer lastUseFlushSeconds; // null: the plugin's own value (plugin-context.xml)
        final DevClock clock = new DevClock();
        final DevScheduler scheduler = new DevScheduler(clock);

        /** Simulate an admin session without web-sudo: protected pages redirect to the web-sudo prompt. */
        public Config withoutWebSudo() {
            this.webSudoGranted = false;
            return this;
        }

        /**
         * Seconds between the plugin's batched last-use writes, instead of the 60 its Spring XML wires, so a test
         * sees a use written soon: overrides the interval argument of bean {@value #LAST_USED_RECORDER}.
         */
        public Config lastUseFlushSeconds(int seconds) {
            this.lastUseFlushSeconds = seconds;
            return this;
        }

        /** Simulate Jira's built-in PAT app as enabled (the admin page warns) or disabled (the default). */
        public Config builtInPatApp(boolean enabled) {
            this.builtInPatAppEnabled = enabled;
            return this;
        }

        /**
         * A host for a test: a free port on loopback and a fresh H2 database of its own; a test that needs another
         * last-use interval says so with {@link #lastUseFlushSeconds(int)}.
         */
        public static Config forTest() {
            Config c = new Config();
            c.host = "127.0.0.1";
            c.port = 0;
            c.dbUrl = "jdbc:h2:mem:devhost-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            return c;
        }

        /**
         * From system properties: pat.devhost.port, pat.devhost.fresh, pat.db.url / pat.db.user / pat.db.password,
         * and {@value #LAST_USE_FLUSH_PROPERTY} for the plugin's last-use interval.
         */
        public static Config fromSystemProperties() {
            Config c = new Config();
            c.lastUseFlushSeconds = flushSecondsProperty();
            c.port = Integer.getInteger("pat.devhost.port", 2990);
            c.fresh = Boolean.getBoolean("pat.devhost.fresh");
            String url = System.getProperty("pat.db.url", "").trim();
            c.dbUrl = url.isEmpty() ? null : url; // mvn -Prun passes an empty value when none is given
            if (c.dbUrl != null) {
                c.dbUser = System.getProperty("pat.db.user", "");
                c.dbPassword = System.getProperty("pat.db.password", "");
            }
            return c;
        }

        /** The address to listen on, e.g. {@code ::1} for IPv6 loopback. */
        public Config host(String host) {
            this.host = host;
            return this;
        }

        public Config descriptor(Path file) {
            this.descriptor = new FileSystemResource(file);
            return this;
        }

        public Config springXml(Path file) {
            this.springXml = new FileSystemResource(file);
            return this;
        }

        /**
         * The H2 file database {@code mvn -Prun} uses, in {@code dir} instead of {@code target/devhost}: kept between
         * hosts, held by one host at a time; {@code fresh} empties it first.
         */
        public Config fileDatabase(Path dir, boolean fresh) {
            this.dataDir = dir;
            this.fresh = fresh;
            this.dbUrl = null;
            this.dbUser = "sa";
            this.dbPassword = "";
            return this;
        }

        public Config database(String url, String user, String password) {
            this.dbUrl = url;
            this.dbUser = user;
            this.dbPassword = password;
            return this;
        }

        static final String LAST_USE_FLUSH_PROPERTY = "dev.jirapat.lastused.flush.seconds";
        static final String LAST_USED_RECORDER = "lastUsedRecorder";

        private static Integer flushSecondsProperty() {
            String text = System.getProperty(LAST_USE_FLUSH_PROPERTY, "").trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw new DevHostException("-D" + LAST_USE_FLUSH_PROPERTY + "=" + text + " is not a number of seconds");
            }
        }

        /** The host's changes to the plugin's bean definitions: its clock, and its last-use interval if set. */
        BeanFactoryPostProcessor[] adjustments() {
            List<BeanFactoryPostProcessor> all = new ArrayList<>(java.util.Arrays.asList(lastUseFlush()));
            all.add(DevClock.replacing(CLOCK, clock));
            return all.toArray(new BeanFactoryPostProcessor[0]);
        }

        static final String CLOCK = "clock";

        /** The plugin's Spring context with this host's last-use interval, if one is set. */
        BeanFactoryPostProcessor[] lastUseFlush() {
            if (lastUseFlushSeconds == null) {
                return new BeanFactoryPostProcessor[0];
            }
            String seconds = Integer.toString(lastUseFlushSeconds);
            return new BeanFactoryPostProcessor[] {beans -> {
                if (!beans.containsBeanDefinition(LAST_USED_RECORDER)
                        || !beans.getBeanDefinition(LAST_USED_RECORDER).getConstructorArgumentValues().hasIndexedArgumentValue(1)) {
                    throw new DevHostException("A last-use interval was set, but the plugin's Spring XML has no bean "
                            + LAST_USED_RECORDER + " with an interval argument at index 1");
                }
                beans.getBeanDefinition(LAST_USED_RECORDER).getConstructorArgumentValues().addIndexedArgumentValue(1, seconds);
            }};
        }
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromSystemProperties();
        DevHost host;
        try {
            host = start(config);
        } catch (DevHostException e) {
            System.err.println("[devhost] " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[devhost] stopping");
            host.close();
        }, "devhost-shutdown"));
        System.out.println();
        System.out.println("[devhost] Personal Access Tokens for Jira: dev host (a test harness, not Jira)");
        System.out.println("[devhost] " + host.baseUri() + "   (database: " + (config.dbUrl != null ? config.dbUrl : config.dataDir.toAbsolutePath()) + ")");
        System.out.println("[devhost] users: admin/admin (system admin), alice/alice, bob/bob, carol/carol (inactive)");
        System.out.println("[devhost] Ctrl-C stops it");
        host.server.join();
    }
}
