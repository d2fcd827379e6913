package dev.awsinventory.testing.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A real PostgreSQL for tests (embedded from Maven, no install), with a user that must give its
 * password (scram-sha-256), so that tests exercise password handling. Each test gets a fresh
 * database.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String USER = "inventory";
  public static final String PASSWORD = "s3cret-Pg-Pass-7781";
  private static int databases;

  private final EmbeddedPostgres postgres;

  private TestDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static TestDatabase start() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
        // the embedded server trusts everyone by default: make our user prove its password
        try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
          rs.next();
          java.nio.file.Files.writeString(
              java.nio.file.Path.of(rs.getString(1)),
              """
              local all all trust
              host all postgres 127.0.0.1/32 trust
              host all postgres ::1/128 trust
              host all all 127.0.0.1/32 scram-sha-256
              host all all ::1/128 scram-sha-256
              """);
        }
        s.execute("SELECT pg_reload_conf()");
      }
      return new TestDatabase(pg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new, empty database; returns its JDBC URL (without credentials). */
  public synchronized String newDatabase() {
    String name = "inv" + ++databases;
    try (Connection c = DriverManager.getConnection(adminUrl(), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " OWNER " + USER);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "jdbc:postgresql://localhost:" + port() + "/" + name;
  }

  public int port() {
    return postgres.getPort();
  }

  private String adminUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/postgres";
  }

  /** Runs a query and returns its rows as column-name -> value maps (values as getObject gives). */
  public static List<Map<String, Object>> query(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<Map<String, Object>> out = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnName(i), rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every row of every table whose name starts with {@code prefix}, as JSON text without {@code
   * _cq_sync_time} (the one column two runs legitimately differ in), per table.
   */
  public static Map<String, Set<String>> snapshot(String url, String prefix) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Map<String, Object> t :
        query(
            url,
            "SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND table_name LIKE '"
                + prefix.replace("'", "''")
                + "%'")) {
      String table = (String) t.get("table_name");
      Set<String> rows = new HashSet<>();
      query(url, "SELECT (to_jsonb(t) - '_cq_sync_time')::text AS r FROM \"" + table + "\" t")
          .forEach(r -> rows.add((String) r.get("r")));
      out.put(table, rows);
    }
    return out;
  }

  /**
   * Records every DDL command run in the database from now on (an event trigger on {@code
   * ddl_command_start}, which fires before the command takes any lock); read them with {@link
   * #ddl}.
   */
  public static void recordDdl(String url) {
    execute(url, "CREATE TABLE ddl_log (n bigserial, tag text, query text)");
    execute(
        url,
        "CREATE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "INSERT INTO ddl_log (tag, query) VALUES (tg_tag, current_query()); END $$");
    execute(url, "CREATE EVENT TRIGGER log_ddl ON ddl_command_start EXECUTE FUNCTION log_ddl()");
  }

  /** The DDL statements recorded since {@link #recordDdl}, in order. */
  public static List<String> ddl(String url) {
    List<String> out = new ArrayList<>();
    query(url, "SELECT query FROM ddl_log ORDER BY n")
        .forEach(r -> out.add((String) r.get("query")));
    return out;
  }

  public static long count(String url, String sql) {
    return ((Number) query(url, sql).get(0).values().iterator().next()).longValue();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
