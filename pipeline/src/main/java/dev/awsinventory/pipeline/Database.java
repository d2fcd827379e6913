package dev.awsinventory.pipeline;

import dev.awsinventory.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.apache.beam.sdk.io.jdbc.JdbcIO;

/** Where rows go. The password is kept out of the URL, of toString and of display data. */
public record Database(String jdbcUrl, String user, String password) {

  /**
   * The password comes from the config (or its {@code ${ENV}}), else the standard
   * {@code PGPASSWORD}; without either, the PostgreSQL driver reads {@code ~/.pgpass}.
   */
  public static Database of(DatabaseConfig config) {
    return new Database(config.jdbcUrl(), config.user(),
        config.password().orElse(System.getenv("PGPASSWORD")));
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  /**
   * JdbcIO's serializable configuration: the live DataSource is built on each worker. The
   * driver sends each batch of upserts as multi-row statements ({@code reWriteBatchedInserts}).
   */
  public JdbcIO.DataSourceConfiguration beam() {
    JdbcIO.DataSourceConfiguration c =
        JdbcIO.DataSourceConfiguration.create("org.postgresql.Driver", jdbcUrl).withUsername(user)
            .withConnectionProperties("reWriteBatchedInserts=true");
    return password == null ? c : c.withPassword(password);
  }

  @Override
  public String toString() {
    return jdbcUrl + " (user " + user + ")";
  }
}
