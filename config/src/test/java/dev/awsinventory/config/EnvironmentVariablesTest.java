package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentVariablesTest {
  @TempDir Path dir;

  @Test
  void substitutesInPortPasswordAndArn() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        cloudquery:
          connection:
            type: postgres
            username: ${PGUSER}
            password: ${PGPASSWORD}
            host: ${PGHOST}
            port: ${PGPORT}
            database: inventory
        providers:
          - name: aws
            configuration:
              regions: ["${REGION}"]
              accounts:
                - role_arn: arn:aws:iam::${ACCT}:role/${ROLE}
                  default_region: ${REGION}
        """,
            Map.of(
                "PGUSER",
                "reader",
                "PGPASSWORD",
                "p4ss",
                "PGHOST",
                "db.internal",
                "PGPORT",
                "6543",
                "ACCT",
                "444455556666",
                "ROLE",
                "Inventory",
                "REGION",
                "eu-north-1"));

    DatabaseConfig db = config.database().orElseThrow();
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/inventory");
    assertThat(db.user()).isEqualTo("reader");
    assertThat(db.password()).contains("p4ss");
    AccountConfig account = config.accounts().get(0);
    assertThat(account.roleArn()).contains("arn:aws:iam::444455556666:role/Inventory");
    assertThat(account.name()).isEqualTo("444455556666");
    assertThat(account.defaultRegion()).isEqualTo("eu-north-1");
    assertThat(config.regions()).containsExactly("eu-north-1");
  }

  @Test
  void substitutesInsideAConnectionString() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          tables: ["*"]
        ---
        kind: destination
        spec:
          name: postgresql
          path: cloudquery/postgresql
          spec:
            connection_string: "postgresql://${PGUSER}:${PGPASSWORD}@localhost:${PGPORT}/inventory"
        """,
            Map.of("PGUSER", "reader", "PGPASSWORD", "p4ss", "PGPORT", "6543"));

    assertThat(config.database().orElseThrow().jdbcUrl())
        .isEqualTo("jdbc:postgresql://localhost:6543/inventory");
  }

  @Test
  void substitutedPortIsStillTypeChecked() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        cloudquery:
          connection:
            port: ${PGPORT}
        providers:
          - name: aws
        """,
            Map.of("PGPORT", "five"));

    assertThat(e.getMessage())
        .endsWith(
            ":3:11: cloudquery.connection.port: expected a whole number, got '<value of ${PGPORT}>'");
  }

  @Test
  void undefinedVariableIsReportedAtItsScalar() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - role_arn: arn:aws:iam::${ACCT}:role/${ROLE}
        """,
            Map.of("ACCT", "444455556666"));

    assertThat(e.line).isEqualTo(5);
    assertThat(e.column).isEqualTo(47);
    assertThat(e.key()).isEqualTo("providers[0].configuration.accounts[0].role_arn");
    assertThat(e.problem()).isEqualTo("undefined environment variable 'ROLE'");
  }

  @Test
  void otherPlaceholderSyntaxIsRejected() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        cloudquery:
          connection:
            password: ${env:SECRET}
        providers:
          - name: aws
        """);

    assertThat(e.problem()).contains("unsupported placeholder '${env:SECRET}'");
  }

  @Test
  void emptyVariableIsAllowed() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - account_name: prod${SUFFIX}
        """,
            Map.of("SUFFIX", ""));

    assertThat(config.accounts().get(0).name()).isEqualTo("prod");
  }
}
