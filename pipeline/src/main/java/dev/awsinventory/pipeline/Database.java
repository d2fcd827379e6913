package dev.awsinventory.pipeline;

import dev.awsinventory.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.beam.sdk.io.jdbc.JdbcIO;

/**
 * Where rows go. The password is kept out of the URL, of toString and of display data.
 *
 * <p>Every connection, the driver's and the workers', has a connect timeout and a socket timeout
 * (pgjdbc's {@code connectTimeout} and {@code socketTimeout}, in seconds; the socket timeout bounds
 * how long one statement may wait for the server, so it must exceed the slowest batch or stale
 * deletion), TCP keepalive, {@code application_name} {@value #APPLICATION} (so that others see who
 * holds a lock), the session time zone UTC, and a {@code statement_timeout} equal to the socket
 * timeout, so that the server itself ends a statement the client stopped waiting for (e.g. one
 * waiting for a row that another session keeps locked) and releases its locks. Parameters given in
 * the connection string win over the driver properties.
 */
public record Database(
    String jdbcUrl, String user, String password, Duration connectTimeout, Duration socketTimeout) {
  public static final String APPLICATION = "aws-inventory";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofMinutes(10);
  private static final String UTC = "SET TIME ZONE 'UTC'";

  /** With the default timeouts. */
  public Database(String jdbcUrl, String user, String password) {
    this(jdbcUrl, user, password, DEFAULT_CONNECT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT);
  }

  /**
   * The password comes from the config (or its {@code ${ENV}}), else the standard {@code
   * PGPASSWORD}; without either, the PostgreSQL driver reads {@code ~/.pgpass}.
   */
  public static Database of(DatabaseConfig config) {
    return new Database(
        config.jdbcUrl(), config.user(), config.password().orElse(System.getenv("PGPASSWORD")));
  }

  /** The same database with other timeouts (whole seconds, at least 1). */
  public Database withTimeouts(Duration connect, Duration socket) {
    return new Database(jdbcUrl, user, password, connect, socket);
  }

  public Connection connect() throws SQLException {
    Properties p = properties();
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    Connection c = DriverManager.getConnection(jdbcUrl, p);
    try (Statement s = c.createStatement()) {
      for (String sql : sessionSettings()) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  /**
   * JdbcIO's serializable configuration: the live DataSource is built on each worker. The driver
   * sends each batch of upserts as multi-row statements ({@code reWriteBatchedInserts}).
   */
  public JdbcIO.DataSourceConfiguration beam() {
    StringBuilder props = new StringBuilder();
    properties()
        .forEach(
            (k, v) -> props.append(props.length() == 0 ? "" : ";").append(k).append('=').append(v));
    JdbcIO.DataSourceConfiguration c =
        JdbcIO.DataSourceConfiguration.create("org.postgresql.Driver", jdbcUrl)
            .withUsername(user)
            .withConnectionProperties(props.toString())
            .withConnectionInitSqls(sessionSettings());
    return password == null ? c : c.withPassword(password);
  }

  private List<String> sessionSettings() {
    return List.of(UTC, "SET statement_timeout = " + Math.max(1, socketTimeout.toSeconds()) * 1000);
  }

  private Properties properties() {
    Properties p = new Properties();
    p.setProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
    p.setProperty("socketTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("ApplicationName", APPLICATION);
    p.setProperty("reWriteBatchedInserts", "true");
    return p;
  }

  @Override
  public String toString() {
    return jdbcUrl + " (user " + user + ")";
  }
}
