package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionStringTest {
  @TempDir Path dir;

  private DatabaseConfig database(String connectionString) throws Exception {
    return TempConfig.load(
            dir,
            """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          tables: ["*"]
          destinations: [postgresql]
        ---
        kind: destination
        spec:
          name: postgresql
          path: cloudquery/postgresql
          spec:
            connection_string: '%s'
        """
                .formatted(connectionString.replace("'", "''")))
        .database()
        .orElseThrow();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      nullValues = "-",
      textBlock =
          """
      host=h port=5432 user=u password=p dbname=d sslmode=disable | jdbc:postgresql://h:5432/d?sslmode=disable | u | p
      host=h user=u dbname=d                                      | jdbc:postgresql://h:5432/d                 | u | -
      user = u  password = 'it\\'s \\\\ me'  database=d           | jdbc:postgresql://localhost:5432/d         | u | it's \\ me
      host=h application_name=inv connect_timeout=10              | jdbc:postgresql://h:5432/postgres?ApplicationName=inv&connectTimeout=10 | postgres | -
      host=h pool_max_conns=10                                    | jdbc:postgresql://h:5432/postgres          | postgres | -
      postgres://u:p@h:5432/d?sslmode=disable                     | jdbc:postgresql://h:5432/d?sslmode=disable | u | p
      postgresql://u:p%40ss%3Aw%2Frd@h/d                          | jdbc:postgresql://h:5432/d                 | u | p@ss:w/rd
      postgresql://u@h:6000                                       | jdbc:postgresql://h:6000/postgres          | u | -
      postgresql://[::1]:5433/my%20db                             | jdbc:postgresql://[::1]:5433/my%20db       | postgres | -
      postgresql:///d?host=h&user=u&password=p                    | jdbc:postgresql://h:5432/d                 | u | p
      jdbc:postgresql://h:5432/d?user=u&password=p&ssl=true       | jdbc:postgresql://h:5432/d?ssl=true        | u | p
      jdbc:postgresql://h/d                                       | jdbc:postgresql://h/d                      | postgres | -
      """)
  void separatesCredentialsFromTheUrl(String text, String url, String user, String password)
      throws Exception {
    DatabaseConfig db = database(text);

    assertThat(db.jdbcUrl()).isEqualTo(url);
    assertThat(db.user()).isEqualTo(user);
    assertThat(db.password().orElse(null)).isEqualTo(password);
  }
}
