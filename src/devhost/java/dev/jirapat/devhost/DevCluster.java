package dev.jirapat.devhost;

import org.h2.tools.Server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Several dev hosts as the nodes of one Jira Data Center, in one JVM: each node its own Tomcat (on {@code port},
 * {@code port+1}, ...; loopback), its own plugin context, caches, last-use recorder, mail and audit, and its own
 * node id. What Jira's nodes share, they share: one database (the URL given, e.g. PostgreSQL; else the H2 file
 * database served by an H2 TCP server on loopback), the SAL plugin settings (Jira keeps them in that database),
 * the once-per-cluster job schedules (likewise), and the clock (nodes keep time with NTP). Between the nodes'
 * cache managers runs this stand-in for Jira's cache replication: a removal from a cache that replicates by
 * invalidation reaches the other nodes' cache of that name at once ({@link #dropInvalidations} loses them instead).
 */
public final class DevCluster implements AutoCloseable {
    private final List<DevHost> nodes = new CopyOnWriteArrayList<>();
    private final DevCacheReplication replication = new DevCacheReplication();
    private final DevClock clock;
    private final FileDatabase file; // null for a database given by URL
    private final Server h2Server; // null for a database given by URL
    private final String database;

    private DevCluster(DevHost.Config config, int count) throws IOException, SQLException {
        clock = config.clock;
        String url = config.dbUrl;
        if (url == null) {
            file = FileDatabase.claim(config.dataDir, config.fresh);
            try {
                bindH2ToLoopback();
                h2Server = Server.createTcpServer("-tcpPort", Integer.toString(freeLoopbackPort()), "-tcpDaemon").start();
            } catch (SQLException | RuntimeException e) {
                file.release();
                throw e;
            }
            url = file.tcpUrl(h2Server.getPort());
            database = file.dir().resolve(FileDatabase.NAME) + " through an H2 TCP server on 127.0.0.1:" + h2Server.getPort();
        } else {
            file = null;
            h2Server = null;
            database = url;
        }
        DevHost.Config.ClusterState shared = new DevHost.Config.ClusterState();
        try {
            for (int i = 0; i < count; i++) {
                nodes.add(DevHost.start(config.forNode(this, i, url, shared)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts {@code count} nodes, one after the other (as a cluster's nodes join), from one host's settings; each
     * node gets the next port (a free one each for a test config).
     */
    public static DevCluster start(DevHost.Config config, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a cluster has at least one node: " + count);
        }
        try {
            return new DevCluster(config, count);
        } catch (DevHostException e) {
            throw e;
        } catch (IOException | SQLException e) {
            throw new DevHostException("The dev host cluster failed to start: " + PluginContainer.rootMessage(e), e);
        }
    }

    public List<DevHost> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public DevHost node(int index) {
        return nodes.get(index);
    }

    /** The clock all nodes share. */
    public DevClock clock() {
        return clock;
    }

    /** The database all nodes share, as a person reads it (the H2 server's address, or the JDBC URL). */
    public String databaseDescription() {
        return database;
    }

    /** For tests: lose every invalidation message from now on (true), as a broken cluster link would, or deliver again. */
    public void dropInvalidations(boolean drop) {
        replication.drop(drop);
    }

    /** Invalidation messages delivered to another node, and lost, so far. */
    public long invalidationsDelivered() {
        return replication.delivered();
    }

    public long invalidationsDropped() {
        return replication.dropped();
    }

    void join(DevCacheManager member) {
        replication.join(member);
    }

    void leave(DevCacheManager member) {
        replication.leave(member);
    }

    /**
     * H2's servers listen on the address in {@code h2.bindAddress}, read once when H2 is loaded; without it, on every
     * interface. Sets it to loopback if nobody has, and refuses a server that would listen on more.
     */
    static void bindH2ToLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        boolean loopback;
        try {
            loopback = bound != null && InetAddress.getByName(bound).isLoopbackAddress();
        } catch (IOException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new DevHostException("The cluster's H2 server would listen on " + (bound == null ? "every interface" : bound)
                    + " (H2 was loaded before the dev host set h2.bindAddress): start the JVM with -Dh2.bindAddress=127.0.0.1");
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops every node that is still running, then the database server. */
    @Override
    public void close() {
        List<DevHost> running = new ArrayList<>(nodes);
        Collections.reverse(running);
        for (DevHost node : running) {
            node.close();
        }
        if (h2Server != null) {
            h2Server.stop();
        }
        if (file != null) {
            file.release();
        }
    }
}
