package db.migration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** A schema of its own on the test database server, migrated to a chosen version, for migration tests. */
final class MigrationSchema {

    private final String name;
    private final String serverUrl;
    private final String user;
    private final String password;
    final String url;

    MigrationSchema(String name) {
        Config config = ConfigProvider.getConfig();
        this.name = name;
        this.serverUrl = config.getValue("quarkus.datasource.jdbc.url", String.class).replaceFirst("/[^/?]+(\\?|$)", "/$1");
        this.user = config.getValue("quarkus.datasource.username", String.class);
        this.password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        this.url = serverUrl.replaceFirst("/(\\?|$)", "/" + name + "$1");
    }

    void create() throws SQLException {
        executeOn(serverUrl, "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
    }

    void drop() throws SQLException {
        executeOn(serverUrl, "DROP DATABASE IF EXISTS " + name);
    }

    /** Migrates with the project's migrations, SQL and Java, up to this version. */
    void migrate(String version, Map<String, String> placeholders) {
        Flyway.configure().dataSource(url, user, password).target(version)
                .locations("filesystem:src/main/resources/db/migration").javaMigrations(new V12__worker_credit())
                .placeholders(placeholders).load().migrate();
    }

    void execute(String... statements) throws SQLException {
        executeOn(url, statements);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private void executeOn(String target, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(target, user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
