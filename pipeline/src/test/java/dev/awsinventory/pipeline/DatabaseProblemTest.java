package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.awsinventory.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each way a real PostgreSQL server (password login, SCRAM) can turn the tool away is named as what
 * it is, with the server's words and no password.
 */
class DatabaseProblemTest {
  private static TestDatabase pg;
  private static String url;

  @BeforeAll
  static void start() {
    pg = TestDatabase.start();
    url = pg.newDatabase();
  }

  @AfterAll
  static void stop() throws Exception {
    pg.close();
  }

  @Test
  void aWrongPasswordIsARefusedLogin() {
    Database db = new Database(url, TestDatabase.USER, "not-the-" + TestDatabase.PASSWORD);

    String line = DatabaseProblem.of(db, failure(db), "cloudquery.yml");

    assertThat(line)
        .startsWith("database at " + url + " refused the login of user inventory: ")
        .contains("password authentication failed")
        .endsWith("; check the user and its password (cloudquery.yml, PGPASSWORD or ~/.pgpass)")
        .doesNotContain("not-the-", TestDatabase.PASSWORD);
  }

  @Test
  void noPasswordWhereTheServerAsksForOneIsARefusedLogin() {
    Database db = new Database(url, TestDatabase.USER, null);

    assertThat(DatabaseProblem.of(db, failure(db), "cloudquery.yml"))
        .startsWith("database at " + url + " refused the login of user inventory: ")
        .contains("no password was provided");
  }

  /** The driver's 08004 is not only a login: here the server has no SSL and the URL asks for it. */
  @Test
  void sslAskedOfAServerWithoutItIsARefusedConnectionNotALogin() {
    Database db = new Database(url + "?sslmode=require", TestDatabase.USER, TestDatabase.PASSWORD);

    assertThat(DatabaseProblem.of(db, failure(db), "cloudquery.yml"))
        .startsWith("database at " + url + "?sslmode=require refused the connection: ")
        .contains("SSL")
        .endsWith(
            "; check the connection's settings (sslmode and the other parameters) in"
                + " cloudquery.yml")
        .doesNotContain("password");
  }

  @Test
  void aHostNameNotFoundIsNamed() {
    Database db =
        new Database(
            "jdbc:postgresql://no-such-host.invalid:5432/inventory",
            TestDatabase.USER,
            TestDatabase.PASSWORD);

    assertThat(DatabaseProblem.of(db, failure(db), "cloudquery.yml"))
        .startsWith(
            "database unreachable at jdbc:postgresql://no-such-host.invalid:5432/inventory: ")
        .contains("(host name not found: no-such-host.invalid");
  }

  @Test
  void aMissingDatabaseIsNamedAsMissing() {
    String missing = url.substring(0, url.lastIndexOf('/') + 1) + "no_such_inventory";
    Database db = new Database(missing, TestDatabase.USER, TestDatabase.PASSWORD);

    assertThat(DatabaseProblem.of(db, failure(db), "cloudquery.yml"))
        .startsWith("database at " + missing + " does not exist: ")
        .contains("no_such_inventory")
        .endsWith("; create it, or name another in cloudquery.yml");
  }

  @Test
  void noServerIsUnreachable() {
    Database db =
        new Database("jdbc:postgresql://127.0.0.1:1/inventory", "inventory", TestDatabase.PASSWORD);

    assertThat(DatabaseProblem.of(db, failure(db), "cloudquery.yml"))
        .startsWith("database unreachable at jdbc:postgresql://127.0.0.1:1/inventory: ")
        .endsWith("; check the connection in cloudquery.yml and that PostgreSQL is running")
        .doesNotContain(TestDatabase.PASSWORD);
  }

  @Test
  void aRefusedStatementIsTheServersErrorNotAnUnreachableServer() throws Exception {
    Database db = new Database(url, TestDatabase.USER, TestDatabase.PASSWORD);
    SQLException refused;
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      refused =
          catchThrowableOfType(SQLException.class, () -> s.execute("SELECT * FROM no_such_table"));
    }

    assertThat(DatabaseProblem.of(db, refused, "cloudquery.yml"))
        .startsWith("database at " + url + ": ")
        .contains("no_such_table")
        .doesNotContain("unreachable");
  }

  private static SQLException failure(Database db) {
    SQLException e = catchThrowableOfType(SQLException.class, () -> db.connect().close());
    assertThat((Throwable) e).as("connecting to %s", db.jdbcUrl()).isNotNull();
    return e;
  }
}
