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
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.WebResourceRoot;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.webresources.DirResourceSet;
import org.apache.catalina.webresources.StandardRoot;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import javax.servlet.Filter;
import javax.servlet.GenericServlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The development host: runs the plugin's real modules outside Jira, the way {@code atlas-run} runs them inside
 * it. Embedded Apache Tomcat 9, Jira's container, at {@code http://localhost:2990/jira}; Active Objects on H2 (or any JDBC URL);
 * the plugin's Spring context from its own {@code plugin-context.xml}; modules mounted from its own
 * {@code atlassian-plugin.xml}; a Seraph-like security filter; a slice of Jira's REST API. It is a test
 * harness, not Jira.
 */
public final class DevHost implements AutoCloseable {
    /** Tomcat logs through java.util.logging; its start-up INFO lines are noise here (held: JUL keeps loggers weakly). */
    private static final Logger TOMCAT_LOG = quiet("org.apache");

    private final Tomcat server;
    private final Path serverDir;
    private Context context; // the /jira context while it is being set up
    private final List<DevHostException> servletFailures = new ArrayList<>();
    private final DevDatabase database;
    private final FileDatabase file; // null for a database given by URL
    private final PluginContainer container;
    private final DevUsers users;
    private final OutageActiveObjects activeObjects;
    private final URI baseUri;
    private final DevMail mail = new DevMail();
    private final DevAudit audit;
    private final DevCacheManager cacheManager;
    private final VelocityViews velocity; // every template the host renders, under Jira 10's method allowlist
    private boolean closed;

    private final Config config;

    private DevHost(Config config) throws Exception {
        this.config = config;
        requireRestStack(config.platform);
        users = DevUsers.fixture();
        PluginDescriptor descriptor;
        try (InputStream in = config.descriptor.getInputStream()) {
            descriptor = PluginDescriptor.parse(in, config.descriptor.getDescription());
        }
        velocity = VelocityViews.forDescriptor(config.descriptor);
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
        audit = new DevAudit(i18n);
        com.atlassian.mail.MailFactory.setServerManager(mail);
        cacheManager = new DevCacheManager(config.cacheExpireAfterWrite);
        HostServices services = new HostServices()
                .add(ActiveObjects.class, activeObjects)
                .add(UserManager.class, users)
                .add(com.atlassian.jira.bc.user.search.UserSearchService.class, users)
                .add(GlobalPermissionManager.class, users)
                .add(PluginSettingsFactory.class, config.pluginSettings != null ? config.pluginSettings : new DevPluginSettings())
                .add(JiraAuthenticationContext.class, CurrentUser::get)
                .add(AuthenticationListener.class, new DevAuthenticationListener())
                .add(I18nResolver.class, i18n)
                .add(ApplicationProperties.class, applicationProperties)
                .add(CacheManager.class, cacheManager)
                .add(com.atlassian.sal.api.auth.LoginUriProvider.class, DevHostServices.loginUris(config.contextPath))
                .add(com.atlassian.sal.api.websudo.WebSudoManager.class, DevHostServices.webSudo(config.webSudoGranted))
                .add(com.atlassian.templaterenderer.TemplateRenderer.class,
                        DevHostServices.templates(velocity, i18n))
                .add(com.atlassian.webresource.api.assembler.PageBuilderService.class, new DevPageBuilder())
                .add(com.atlassian.plugin.PluginAccessor.class, DevHostServices.plugins(config.builtInPatAppEnabled))
                .add(com.atlassian.mail.queue.MailQueue.class, mail)
                .add(com.atlassian.audit.api.AuditService.class, audit)
                .add(com.atlassian.sal.api.message.LocaleResolver.class, user -> Locale.ENGLISH)
                .add(com.atlassian.sal.api.timezone.TimeZoneManager.class, user -> java.util.TimeZone.getTimeZone("UTC"))
                .add(com.atlassian.scheduler.SchedulerService.class, config.scheduler);
        PluginContainer pluginContainer = null;
        Tomcat tomcat = null;
        Path dir = null;
        try {
            if (config.cluster != null) {
                config.cluster.join(cacheManager); // before the plugin builds its caches
            }
            pluginContainer = new PluginContainer(config.springXml, services, config.adjustments());
            container = pluginContainer;
            dir = Files.createTempDirectory("devhost-tomcat");
            tomcat = new Tomcat();
            tomcat.setBaseDir(dir.toString());
            Connector connector = new Connector("HTTP/1.1"); // keep-alive on, as Tomcat's default
            connector.setPort(config.port);
            connector.setProperty("address", config.host);
            tomcat.getService().addConnector(connector);
            tomcat.setConnector(connector);
            // Error pages without Tomcat's report (message, stack trace) or its name and version.
            ErrorReportValve errors = new ErrorReportValve();
            errors.setShowReport(false);
            errors.setShowServerInfo(false);
            ((StandardHost) tomcat.getHost()).setErrorReportValveClass(ErrorReportValve.class.getName());
            tomcat.getHost().getPipeline().addValve(errors);
            context = tomcat.addContext(config.contextPath, null);
            // The host is never redeployed: no class-loader leak hunting at stop (it needs JDK internals opened).
            ((StandardContext) context).setClearReferencesObjectStreamClassCaches(false);
            ((StandardContext) context).setClearReferencesRmiTargets(false);
            StandardManager sessions = new StandardManager();
            sessions.setPathname(null); // no sessions written to disk at stop, read back at start
            context.setManager(sessions);
            Tomcat.addDefaultMimeTypeMappings(context);
            if (Files.isDirectory(config.webModules)) {
                WebResourceRoot resources = new StandardRoot(context);
                resources.addPreResources(new DirResourceSet(resources, "/static",
                        config.webModules.toAbsolutePath().toString(), "/"));
                context.setResources(resources);
            }
            mountFilters(descriptor);
            mountServlets(descriptor);
            tomcat.start();
            if (!servletFailures.isEmpty()) {
                throw servletFailures.get(0);
            }
            if (!context.getState().isAvailable() || connector.getLocalPort() <= 0) {
                throw new DevHostException("Tomcat did not start the " + config.contextPath + " context on "
                        + config.host + ":" + config.port + " (see the log above)");
            }
            context = null;
            server = tomcat;
            serverDir = dir;
            String host = "0.0.0.0".equals(config.host) ? "localhost" : config.host;
            baseUri = URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":"
                    + connector.getLocalPort() + config.contextPath);
            applicationProperties.setBaseUrl(baseUri.toString());
            if (file != null) {
                file.ownedBy(connector.getLocalPort(), baseUri.toString());
            }
        } catch (Exception | Error e) {
            if (config.cluster != null) {
                config.cluster.leave(cacheManager);
            }
            stop(tomcat, dir);
            if (pluginContainer != null) {
                pluginContainer.close();
            }
            mail.close();
            database.close();
            if (file != null) {
                file.release();
            }
            throw e;
        }
    }

    /** The line's REST stack must be the one on the class path: a clear error instead of a linkage error later. */
    private static void requireRestStack(Platform platform) {
        String servlet = platform.restV2() ? "org.glassfish.jersey.servlet.ServletContainer"
                : "com.sun.jersey.spi.container.servlet.ServletContainer";
        try {
            Class.forName(servlet, false, DevHost.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DevHostException("The Jira " + platform.jira() + " line (-D" + Platform.PROPERTY + "=" + platform.jira()
                    + ") needs " + (platform.restV2() ? "REST v2's Jersey" : "REST v1's Jersey 1") + " on the class path ("
                    + servlet + " is missing): run it from the build's execution for that line");
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

    private void mountFilters(PluginDescriptor descriptor) {
        List<PluginDescriptor.FilterModule> filters = new ArrayList<>(descriptor.filters);
        filters.sort(Comparator.comparing((PluginDescriptor.FilterModule f) -> f.location).thenComparingInt(f -> f.weight));
        // Jira's order: after-encoding, before-login, [login/security], before-decoration, before-dispatch.
        // Tomcat runs the URL-pattern filters in the order their mappings were added.
        boolean securityMounted = false;
        SecurityFilter sessions = new SecurityFilter(users);
        java.util.function.Function<HttpServletRequest, DevUser> caller = request -> {
            DevUser user = CurrentUser.get(); // set once the security filter has run
            return user != null ? user : sessions.sessionUser(request);
        };
        for (PluginDescriptor.FilterModule f : filters) {
            if (!securityMounted && f.location.compareTo(PluginDescriptor.FilterModule.Location.BEFORE_DECORATION) >= 0) {
                mountSecurity();
                securityMounted = true;
            }
            String where = "<servlet-filter key=\"" + f.key + "\">";
            Filter filter = container.createModule(f.className, Filter.class, where);
            if (config.platform.secureByDefault()) {
                filter = AccessRules.filter(filter, caller);
            }
            List<String> dispatchers = new ArrayList<>();
            for (String d : f.dispatchers) {
                dispatchers.add(d.toUpperCase(Locale.ROOT));
            }
            filter(f.key, filter, dispatchers, f.urlPatterns.toArray(new String[0]));
        }
        if (!securityMounted) {
            mountSecurity();
        }
    }

    private void mountSecurity() {
        filter("devhost-security", new SecurityFilter(users), List.of("REQUEST"), "/*");
        filter("devhost-xsrf", new XsrfFilter(), List.of("REQUEST"), "/rest/*");
    }

    private void mountServlets(PluginDescriptor descriptor) {
        for (PluginDescriptor.RestModule rest : descriptor.rests) {
            HttpServlet mount = config.platform.restV2()
                    ? RestV2Mount.servlet(rest, container, config.platform.secureByDefault())
                    : JerseyMount.servlet(rest, container);
            servlet(rest.key, mount,
                    "/rest" + rest.path + "/" + rest.version + "/*", "/rest" + rest.path + "/latest/*");
        }
        for (PluginDescriptor.ServletModule s : descriptor.servlets) {
            HttpServlet servlet = container.createModule(s.className, HttpServlet.class, "<servlet key=\"" + s.key + "\">");
            if (config.platform.secureByDefault()) {
                servlet = AccessRules.servlet(servlet);
            }
            String[] patterns = s.urlPatterns.stream().map(p -> "/plugins/servlet" + p).toArray(String[]::new);
            servlet(s.key, servlet, patterns);
        }
        WebResources resources = new WebResources(descriptor);
        // Sitemesh's place: plugin servlets' pages get the host frame and their required resources.
        filter("devhost-decorator", new Decorator(resources), List.of("REQUEST"), "/plugins/servlet/*", "/secure/*");
        WebPanels panels = new WebPanels(descriptor, container, velocity);
        servlet("devhost-jira-rest", new JiraRestServlet(), "/rest/api/2/*");
        servlet("devhost-mail", new DevMailServlet(mail), "/devhost/mail");
        servlet("devhost-audit", new DevAuditServlet(audit), "/devhost/audit");
        servlet("devhost-clock", new DevClockServlet(config.clock), "/devhost/clock");
        servlet("devhost-jobs", new DevJobsServlet(config.scheduler), "/devhost/jobs/run");
        servlet("devhost-login", new LoginServlet(users), "/login.jsp", "/logout");
        servlet("devhost-profile", new ProfilePage(users, panels, resources), "/secure/ViewProfile.jspa");
        servlet("devhost-admin", new AdminArea(descriptor, users), "/secure/admin/*");
        servlet("devhost-web-resources", resources, "/download/resources/*");
        // AUI from npm: /static/x is node_modules/x (mounted as the context's /static resources), no listings.
        servlet("devhost-static", new DefaultServlet(), "/static/*");
        servlet("devhost-root", new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                if ("/".equals(req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo()))) {
                    resp.sendRedirect(req.getContextPath() + "/secure/ViewProfile.jspa");
                } else {
                    resp.sendError(404);
                }
            }
        }, "/");
    }

    /**
     * One servlet under a unique name, at each of {@code patterns} (paths inside the context), initialised when the
     * host starts: a servlet that cannot start (a REST resource the plugin's container cannot create) fails the start.
     */
    private void servlet(String name, HttpServlet servlet, String... patterns) {
        Tomcat.addServlet(context, name, new StartedServlet(name, servlet, servletFailures)).setLoadOnStartup(1);
        for (String pattern : patterns) {
            context.addServletMappingDecoded(pattern, name);
        }
    }

    /** One filter under a unique name, for the dispatcher types given (REQUEST, FORWARD, ...), after those added before. */
    private void filter(String name, Filter filter, List<String> dispatchers, String... patterns) {
        FilterDef def = new FilterDef();
        def.setFilterName(name);
        def.setFilter(filter);
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(name);
        for (String pattern : patterns) {
            map.addURLPatternDecoded(pattern);
        }
        for (String dispatcher : dispatchers) {
            map.setDispatcher(dispatcher);
        }
        context.addFilterMap(map);
    }

    private static void stop(Tomcat tomcat, Path dir) {
        if (tomcat != null) {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException e) {
                // stopping is best effort; the JVM is usually going away
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        if (logger.getLevel() == null) {
            logger.setLevel(Level.WARNING);
        }
        return logger;
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
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (config.cluster != null) {
            config.cluster.leave(cacheManager);
        }
        stop(server, serverDir);
        container.close();
        mail.close();
        database.close();
        if (file != null) {
            file.release();
        }
        List<String> blocked = velocity.allowlist().violations();
        if (config.failOnBlockedVelocityCalls && !blocked.isEmpty()) {
            throw new DevHostException("Templates called methods Jira 10 would block:\n  " + String.join("\n  ", blocked));
        }
    }

    /** Calls the host's Velocity blocked so far (Jira 10's method allowlist): none, in a sound test. */
    public List<String> velocityViolations() {
        return velocity.allowlist().violations();
    }

    /** The templates the host has rendered so far (web panels, TemplateRenderer). */
    public java.util.Set<String> renderedTemplates() {
        return velocity.rendered();
    }

    /**
     * Stops this node abruptly, as a killed JVM or a node that loses power: from this moment it reaches neither the
     * database nor the other nodes, so nothing it held only in memory (last uses not yet flushed) is written. The
     * plugin's stop methods still run, but every write they try fails, as it would on a dead node.
     */
    public synchronized void crash() {
        if (closed) {
            return;
        }
        if (config.cluster != null) {
            config.cluster.leave(cacheManager);
        }
        activeObjects.setDown(true);
        close();
    }

    /** This node's id: {@code node-1} alone, {@code node-1}, {@code node-2}, ... in a {@link DevCluster}. */
    public String nodeId() {
        return config.nodeId;
    }


    /** The host's outgoing mail (GreenMail behind Jira's mail queue), for tests. */
    public DevMail mail() {
        return mail;
    }

    /**
     * A servlet as Tomcat sees it: the real one, whose failure to initialise is kept for the start to report (Tomcat
     * itself only logs it and serves the context without that servlet).
     */
    private static final class StartedServlet extends GenericServlet {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final transient HttpServlet servlet;
        private final transient List<DevHostException> failures;

        StartedServlet(String name, HttpServlet servlet, List<DevHostException> failures) {
            this.name = name;
            this.servlet = servlet;
            this.failures = failures;
        }

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            try {
                servlet.init(config);
            } catch (ServletException | RuntimeException | Error e) {
                failures.add(e instanceof DevHostException ? (DevHostException) e
                        : new DevHostException("Servlet " + name + " failed to start: " + PluginContainer.rootMessage(e), e));
                throw e;
            }
        }

        @Override
        public void service(ServletRequest req, ServletResponse resp) throws ServletException, IOException {
            servlet.service(req, resp);
        }

        @Override
        public void destroy() {
            servlet.destroy();
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
        Duration cacheExpireAfterWrite; // null: each cache's own expiry
        DevClock clock = new DevClock();
        DevScheduler scheduler = new DevScheduler(clock);
        // A cluster node's: the cluster it belongs to, its id, the settings and schedules all nodes share.
        DevCluster cluster;
        String nodeId = "node-1";
        DevPluginSettings pluginSettings;
        // The Jira line played: -Dpat.platform (each test execution sets it), else the newest.
        Platform platform = Platform.fromProperty();

        /** Play this Jira line instead of the one {@code -Dpat.platform} names. */
        public Config platform(Platform platform) {
            this.platform = platform;
            return this;
        }

        public Platform platform() {
            return platform;
        }
        boolean failOnBlockedVelocityCalls; // test hosts: close() fails if a template call was blocked

        /**
         * How long a cache entry lives after it is written, for every cache whose settings set an expiry (the
         * plugin's token caches: 5 minutes), so a test sees the expiry that bounds a lost invalidation in seconds.
         */
        public Config cacheExpireAfterWrite(Duration expiry) {
            if (expiry.isNegative() || expiry.isZero()) {
                throw new IllegalArgumentException("a cache expiry must be positive: " + expiry);
            }
            this.cacheExpireAfterWrite = expiry;
            return this;
        }

        /** The same settings for node {@code index} (from 0) of {@code cluster}: its port, id and shared state. */
        Config forNode(DevCluster cluster, int index, String url, ClusterState shared) {
            Config c = new Config();
            c.host = host;
            c.port = port == 0 ? 0 : port + index;
            c.contextPath = contextPath;
            c.dataDir = dataDir;
            c.dbUrl = url;
            c.dbUser = dbUser;
            c.dbPassword = dbPassword;
            c.descriptor = descriptor;
            c.springXml = springXml;
            c.webModules = webModules;
            c.builtInPatAppEnabled = builtInPatAppEnabled;
            c.webSudoGranted = webSudoGranted;
            c.lastUseFlushSeconds = lastUseFlushSeconds;
            c.cacheExpireAfterWrite = cacheExpireAfterWrite;
            c.clock = clock;
            c.scheduler = new DevScheduler(clock, shared.jobs);
            c.cluster = cluster;
            c.nodeId = "node-" + (index + 1);
            c.pluginSettings = shared.settings;
            c.platform = platform;
            c.failOnBlockedVelocityCalls = failOnBlockedVelocityCalls;
            return c;
        }

        /** What the nodes of one cluster share besides the database: SAL settings and once-per-cluster schedules. */
        static final class ClusterState {
            final DevPluginSettings settings = new DevPluginSettings();
            final DevScheduler.ClusterJobs jobs = new DevScheduler.ClusterJobs();
        }

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
         * last-use interval says so with {@link #lastUseFlushSeconds(int)}. Its {@code close()} fails if a template
         * called a method Jira 10's Velocity allowlist would block.
         */
        public static Config forTest() {
            Config c = new Config();
            c.host = "127.0.0.1";
            c.port = 0;
            c.dbUrl = "jdbc:h2:mem:devhost-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            c.failOnBlockedVelocityCalls = true;
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

    /** {@code -Dpat.devhost.nodes}: how many nodes {@code mvn -Prun} starts (1, or 2 and more for a cluster). */
    static final String NODES_PROPERTY = "pat.devhost.nodes";

    public static void main(String[] args) throws Exception {
        Config config = Config.fromSystemProperties();
        int nodes;
        try {
            nodes = Integer.parseInt(System.getProperty(NODES_PROPERTY, "1").trim());
        } catch (NumberFormatException e) {
            nodes = 0;
        }
        if (nodes < 1 || nodes > 8) {
            System.err.println("[devhost] -D" + NODES_PROPERTY + "=" + System.getProperty(NODES_PROPERTY) + " is not a number of nodes from 1 to 8");
            System.exit(1);
            return;
        }
        if (nodes > 1) {
            runCluster(config, nodes);
            return;
        }
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
        System.out.println("[devhost] Personal Access Tokens for Jira: dev host (a test harness, not Jira), Jira "
                + config.platform.jira() + " line" + (config.platform.restV2() ? " (REST v2, secure by default)" : " (REST v1)"));
        System.out.println("[devhost] " + host.baseUri() + "   (database: " + (config.dbUrl != null ? config.dbUrl : config.dataDir.toAbsolutePath()) + ")");
        System.out.println("[devhost] users: admin/admin (system admin), alice/alice, bob/bob, carol/carol (inactive)");
        System.out.println("[devhost] Ctrl-C stops it");
        host.server.getServer().await();
    }

    private static void runCluster(Config config, int nodes) {
        DevCluster cluster;
        try {
            cluster = DevCluster.start(config, nodes);
        } catch (DevHostException e) {
            System.err.println("[devhost] " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[devhost] stopping the cluster");
            cluster.close();
        }, "devhost-shutdown"));
        System.out.println();
        System.out.println("[devhost] Personal Access Tokens for Jira: dev host cluster of " + nodes + " nodes (a test harness, not Jira)");
        for (DevHost node : cluster.nodes()) {
            System.out.println("[devhost] " + node.nodeId() + ": " + node.baseUri());
        }
        System.out.println("[devhost] one database: " + cluster.databaseDescription());
        System.out.println("[devhost] users: admin/admin (system admin), alice/alice, bob/bob, carol/carol (inactive)");
        System.out.println("[devhost] Ctrl-C stops it");
        cluster.nodes().get(0).server.getServer().await();
    }
}
