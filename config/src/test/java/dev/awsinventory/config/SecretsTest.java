package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
  private static final String PASSWORD = "Zq7-hunter2-secret";
  private static final String EXTERNAL_ID = "ext-id-9f8e7d";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password: " + PASSWORD,
        "dsn: \"host=localhost user=app password=" + PASSWORD + " dbname=inv\"",
        "dsn: \"host=localhost user=app password='" + PASSWORD + "' dbname=inv\"",
        "connection_string: postgres://app:" + PASSWORD + "@localhost:5432/inv",
        "connection_string: jdbc:postgresql://localhost:5432/inv?user=app&password=" + PASSWORD
      })
  void passwordIsInNoToString(String connectionLine) throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        cloudquery:
          connection:
            %s
        providers:
          - name: aws
            configuration:
              accounts:
                - account_name: prod
                  role_arn: arn:aws:iam::222222222222:role/Fetch
                  external_id: %s
        """
                .formatted(connectionLine, EXTERNAL_ID));

    DatabaseConfig db = config.database().orElseThrow();
    assertThat(db.password()).contains(PASSWORD);
    assertThat(db.jdbcUrl()).doesNotContain(PASSWORD).doesNotContain("password");
    assertThat(db.displayUrl()).doesNotContain(PASSWORD);
    assertThat(db.toString()).doesNotContain(PASSWORD).contains("password=***");
    assertThat(config.toString()).doesNotContain(PASSWORD).doesNotContain(EXTERNAL_ID);
    assertThat(config.accounts().get(0).toString())
        .doesNotContain(EXTERNAL_ID)
        .contains("external_id=***");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dsn: \"host=localhost port=x5432 user=app password=" + PASSWORD + "\"",
        "dsn: \"host=localhost user=app password='" + PASSWORD + "\"",
        "dsn: \"host=localhost user=app password=" + PASSWORD + " sslmode=bogus\"",
        "dsn: \"" + PASSWORD + "\"",
        "connection_string: postgres://app:" + PASSWORD + "@localhost:54x/inv",
        "connection_string: postgres://app:" + PASSWORD + "%zz@localhost/inv",
        "connection_string: postgres://app:" + PASSWORD + "@localhost/inv?colour=blue",
        "connection_string: mysql://app:" + PASSWORD + "@localhost/inv",
        "dsn: 5",
        "password: [" + PASSWORD + "]",
        "password: {value: " + PASSWORD + "}"
      })
  void passwordIsInNoErrorMessage(String connectionLine) throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        cloudquery:
          connection:
            %s
        providers:
          - name: aws
        """
                .formatted(connectionLine));

    assertThat(e.getMessage())
        .doesNotContain(PASSWORD)
        .startsWith(dir.resolve("cloudquery.yml") + ":3:");
  }

  @Test
  void badExternalIdIsNotEchoed() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - role_arn: arn:aws:iam::222222222222:role/Fetch
                  external_id: "has spaces %s"
        """
                .formatted(EXTERNAL_ID),
            Map.of());

    assertThat(e.getMessage())
        .doesNotContain(EXTERNAL_ID)
        .contains("external_id: must be 2 to 1224");
  }
}
