package com.northbridge.assistant.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A throwaway PostgreSQL cluster of the benchmark's own, so that it can be stopped and started mid-run without
 * touching the machine's shared cluster: initdb into a fresh folder under the temporary directory, a server on
 * its own port (bench.faults.pg-port, default 5439) listening on 127.0.0.1 only, the role bank and a database
 * with pgvector. The folder is removed at the end, also when the run fails (a shutdown hook covers a JVM that
 * ends without stopping its test resources), and a folder left by an earlier run that was killed is cleaned
 * up first. As root the server runs as the postgres user, which PostgreSQL requires.
 */
public class PrivatePostgres implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "bank_faults";
    /** Config keys through which the benchmark finds the cluster it is to restart. */
    static final String DIR_KEY = "bench.faults.pg-dir";
    static final String PORT_KEY = "bench.faults.pg-port";

    private Cluster cluster;
    private Thread cleanup;

    /** A cluster in {@code dir} (data in dir/data, socket and log in dir) served on {@code port}. */
    public record Cluster(Path dir, int port, Path bin) {

        public static Cluster at(Path dir, int port) {
            return new Cluster(dir, port, binaries());
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
        }

        void create() {
            remove(); // what an earlier, killed run left behind
            try {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                if (root()) {
                    Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Local (socket) connections trust the cluster's owner, who alone can reach the socket folder; over
            // TCP only passwords count, and the superuser has none.
            run(bin.resolve("initdb") + " -D " + data() + " -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync");
            start();
            psql("postgres", "CREATE ROLE bank LOGIN PASSWORD 'bank'");
            psql("postgres", "CREATE DATABASE " + DATABASE + " OWNER bank");
            psql(DATABASE, "CREATE EXTENSION vector");
        }

        /** Returns once the server accepts connections. */
        public void start() {
            run(bin.resolve("pg_ctl") + " -D " + data() + " -w -t 120 -l " + dir.resolve("server.log")
                    + " -o \"-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1\" start");
        }

        /** {@code fast} rolls back open transactions and ends every session; {@code immediate} is a crash. */
        public void stop(String mode) {
            run(bin.resolve("pg_ctl") + " -D " + data() + " -w -t 120 -m " + mode + " stop");
        }

        void remove() {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                try {
                    stop("immediate");
                } catch (IllegalStateException e) {
                    // not running any more
                }
            }
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private Path data() {
            return dir.resolve("data");
        }

        private void psql(String database, String sql) {
            run(bin.resolve("psql") + " -h " + dir + " -p " + port + " -U postgres -d " + database + " -v ON_ERROR_STOP=1 -qc \"" + sql + "\"");
        }

        /** A shell command as the cluster's owner: postgres when we are root, ourselves otherwise. */
        private static void run(String command) {
            List<String> argv = root() ? List.of("runuser", "-u", "postgres", "--", "sh", "-c", command) : List.of("sh", "-c", command);
            try {
                Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("'" + command + "' failed: " + output.strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static boolean root() {
            return "root".equals(System.getProperty("user.name"));
        }

        /** bench.faults.pg-bin, or the newest PostgreSQL of Debian's layout (/usr/lib/postgresql/N/bin). */
        private static Path binaries() {
            String configured = System.getProperty("bench.faults.pg-bin");
            if (configured != null) {
                return Path.of(configured);
            }
            try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                return versions.filter(v -> v.getFileName().toString().matches("\\d+") && Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString()))).map(v -> v.resolve("bin"))
                        .orElseThrow(() -> new IllegalStateException("No initdb under /usr/lib/postgresql; set -Dbench.faults.pg-bin"));
            } catch (IOException e) {
                throw new IllegalStateException("No /usr/lib/postgresql; set -Dbench.faults.pg-bin to PostgreSQL's bin folder", e);
            }
        }
    }

    @Override
    public Map<String, String> start() {
        int port = Integer.getInteger(PORT_KEY, 5439);
        cluster = Cluster.at(Path.of(System.getProperty("java.io.tmpdir"), "northbridge-faults-pg-" + port), port);
        cleanup = new Thread(cluster::remove, "private-postgres-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        if (!Files.exists(cluster.dir()) && !portFree(port)) {
            throw new IllegalStateException("Port " + port + " is in use; choose another with -D" + PORT_KEY + "=PORT");
        }
        try {
            cluster.create();
        } catch (RuntimeException e) {
            cluster.remove();
            throw e;
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", cluster.jdbcUrl(),
                "quarkus.datasource.username", "bank",
                "quarkus.datasource.password", "bank",
                DIR_KEY, cluster.dir().toString(),
                PORT_KEY, String.valueOf(port));
    }

    private static boolean portFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.remove();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook runs and finds nothing left
            }
        }
    }
}
