package cn.qhzgh.study.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a throwaway MariaDB server under target/ for the test suite, or uses TEST_DB_URL when set.
 * The reported version 5.7.19 keeps Connector/J on its MySQL 5.7 code path, which MariaDB 10.11 serves fully.
 */
public class MariaDbTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "study";

    /** The running instance, so a test can take the database away and bring it back. */
    private static volatile MariaDbTestResource running;

    private Process server;
    private Path baseDir;
    private int port;

    @Override
    public Map<String, String> start() {
        String externalUrl = System.getenv("TEST_DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", externalUrl,
                    "quarkus.datasource.username", envOr("TEST_DB_USER", "root"),
                    "quarkus.datasource.password", envOr("TEST_DB_PASSWORD", ""));
        }
        try {
            port = freePort();
            baseDir = Path.of("target", "mariadb-test-" + port).toAbsolutePath();
            deleteRecursively(baseDir);
            Files.createDirectories(baseDir);
            installDataDirectory();
            server = startServer(port);
            String url = "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
            createDatabase(port);
            running = this;
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", "root",
                    "quarkus.datasource.password", "");
        } catch (IOException | InterruptedException | SQLException e) {
            stop();
            throw new IllegalStateException("Could not start a throwaway MariaDB (is mariadb-server installed?)", e);
        }
    }

    /** Whether this suite owns its database (not TEST_DB_URL) and can stop and restart it. */
    public static boolean canRestart() {
        return running != null;
    }

    /** Stops the server the way a crash or a failover would take it away; its data stays. */
    public static void stopServer() throws InterruptedException {
        Process process = running.server;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Starts the server again on the same port and data directory. */
    public static void startServer() throws IOException, InterruptedException, SQLException {
        running.server = running.startServer(running.port);
        running.createDatabase(running.port);
    }

    @Override
    public void stop() {
        running = null;
        if (server != null) {
            server.destroy();
            try {
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
            server = null;
        }
        if (baseDir != null) {
            deleteRecursively(baseDir);
        }
    }

    private void installDataDirectory() throws IOException, InterruptedException {
        // Each instance keeps its temporary files apart: parallel builds sharing /tmp collided there.
        Files.createDirectories(baseDir.resolve("tmp"));
        Process install = new ProcessBuilder(List.of(
                "mariadb-install-db", "--no-defaults",
                "--datadir=" + baseDir.resolve("data"),
                "--tmpdir=" + baseDir.resolve("tmp"),
                "--auth-root-authentication-method=normal",
                "--skip-test-db", "--user=root"))
                .redirectErrorStream(true)
                .redirectOutput(baseDir.resolve("install.log").toFile())
                .start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            throw new IOException("mariadb-install-db failed: " + tail(baseDir.resolve("install.log")));
        }
    }

    /** The end of a log, quoted in the failure because stop() deletes the directory it is in. */
    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no " + log.getFileName() + ")";
        }
        List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private Process startServer(int port) throws IOException {
        return new ProcessBuilder(List.of(
                "mariadbd", "--no-defaults",
                "--datadir=" + baseDir.resolve("data"),
                "--tmpdir=" + baseDir.resolve("tmp"),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + baseDir.resolve("mysqld.sock"),
                "--pid-file=" + baseDir.resolve("mysqld.pid"),
                "--user=root",
                "--version=5.7.19-mariadb",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--skip-log-bin",
                "--innodb-buffer-pool-size=256M",
                "--innodb-flush-log-at-trx-commit=2",
                "--max-connections=300",
                "--log-error=" + baseDir.resolve("error.log")))
                .redirectErrorStream(true)
                .redirectOutput(baseDir.resolve("stdout.log").toFile())
                .start();
    }

    private void createDatabase(int port) throws SQLException, InterruptedException {
        String adminUrl = "jdbc:mysql://127.0.0.1:" + port + "/";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new SQLException("mariadbd exited early, see " + baseDir.resolve("error.log"));
            }
            try (Connection connection = DriverManager.getConnection(adminUrl, "root", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new SQLException("MariaDB did not accept connections within 60 s", last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover directory under target/ is harmless and removed by the next clean
        }
    }
}
