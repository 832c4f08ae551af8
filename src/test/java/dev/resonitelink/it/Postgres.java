package dev.resonitelink.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server for the integration tests (zonky's embedded binaries, no install), one per test JVM, on
 * the port the build reserved, with its data kept on disk so a test can stop and start it like a restart.
 */
public final class Postgres {

    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";

    private static EmbeddedPostgres server;
    private static Path dataDirectory;

    public static boolean enabled() {
        return "postgres".equals(System.getProperty("it.db"));
    }

    public static synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        if (dataDirectory == null) {
            dataDirectory = Files.createTempDirectory("it-postgres");
        }
        server = EmbeddedPostgres.builder()
                .setPort(Integer.getInteger("it.pg.port"))
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stopQuietly));
    }

    /** Stops the server as a crash or restart would: every open connection is cut. */
    public static synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static void stopQuietly() {
        try {
            stop();
        } catch (IOException e) {
            // shutting down anyway
        }
    }

    /** Runs an update directly against the database; returns the row count. */
    public static int update(String sql) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /** Runs a query directly against the database, as an operator with psql would. */
    public static List<List<String>> query(String sql) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private Postgres() {
    }
}
