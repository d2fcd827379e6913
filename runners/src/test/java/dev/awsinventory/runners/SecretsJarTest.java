package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.SeedScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run at DEBUG log level, with a denied role and the database password from PGPASSWORD, then a
 * database URL with an embedded password that points nowhere: no secret access key, session token
 * or password appears in stdout, stderr, the summary or any error message.
 */
class SecretsJarTest {
  private static final List<String> DEBUG =
      List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");

  @TempDir Path dir;

  @Test
  void noSecretAppearsAnywhereAtDebugLevel() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      SeedScenario seed = new SeedScenario(aws);
      String url = pg.newDatabase();
      Path config = dir.resolve("no-password.yml");
      Files.writeString(
          config,
          Files.readString(
                  seed.writeConfig(dir, pg.port(), url.substring(url.lastIndexOf('/') + 1)))
              .replace("    password: " + TestDatabase.PASSWORD + "\n", ""));
      assertThat(Files.readString(config)).doesNotContain(TestDatabase.PASSWORD);
      Map<String, String> env =
          Map.of(
              "AWS_ACCESS_KEY_ID",
              seed.sourceUser.accessKeyId(),
              "AWS_SECRET_ACCESS_KEY",
              seed.sourceUser.secretAccessKey(),
              "PGPASSWORD",
              TestDatabase.PASSWORD);
      Path summary = dir.resolve("summary.json");

      aws.denyAssumeRole(seed.roleB);
      Jar.Result run = Jar.run(DEBUG, env, dir, "--config=" + config, "--summary-file=" + summary);
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.stderr()).contains("DEBUG");
      assertThat(TestDatabase.count(url, "SELECT count(*) FROM aws_ec2_instances")).isPositive();

      // no password in the config nor in PGPASSWORD: the driver reads the password file
      Path pgpass = dir.resolve("pgpass");
      Files.writeString(
          pgpass,
          "localhost:"
              + pg.port()
              + ":*:"
              + TestDatabase.USER
              + ":"
              + TestDatabase.PASSWORD
              + "\n");
      Files.setPosixFilePermissions(
          pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      Map<String, String> withPgpass = new java.util.HashMap<>(env);
      withPgpass.remove("PGPASSWORD");
      withPgpass.put("PGPASSFILE", pgpass.toString());
      aws.allowAssumeRole(seed.roleB);
      Jar.Result fromFile = Jar.run(List.of(), withPgpass, dir, "--config=" + config);
      assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
      Map<String, String> noPassword = new java.util.HashMap<>(withPgpass);
      noPassword.remove("PGPASSFILE");
      noPassword.put("HOME", Files.createDirectories(dir.resolve("no-home")).toString());
      Jar.Result refused = Jar.run(List.of(), noPassword, dir, "--config=" + config);
      assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.stderr())
          .contains("refused the login of user " + TestDatabase.USER, "no password was provided");

      Path nowhere = dir.resolve("nowhere.yml");
      Files.writeString(
          nowhere,
          Files.readString(seed.writeEmbeddedConfig(dir))
              .replace(
                  "providers:\n  - name",
                  "  connection:\n    dsn: \"postgres://inventory:"
                      + TestDatabase.PASSWORD
                      + "@127.0.0.1:1/inventory\"\n\nproviders:\n  - name"));
      long callsBefore = aws.calls("DescribeRegions") + aws.assumeRoleCalls().size();
      Jar.Result dead =
          Jar.run(
              DEBUG, env, dir, "--config=" + nowhere, "--summary-file=" + dir.resolve("dead.json"));
      assertThat(dead.exitCode()).as(dead.toString()).isEqualTo(1);
      assertThat(dead.stderr())
          .contains("database unreachable at jdbc:postgresql://127.0.0.1:1/inventory");
      assertThat(aws.calls("DescribeRegions") + aws.assumeRoleCalls().size())
          .as("no AWS call")
          .isEqualTo(callsBefore);

      List<String> secrets = new ArrayList<>(List.of(TestDatabase.PASSWORD));
      for (Credentials c : aws.issuedCredentials()) {
        secrets.add(c.secretAccessKey());
        if (c.sessionToken() != null) {
          secrets.add(c.sessionToken());
        }
      }
      assertThat(secrets).hasSizeGreaterThanOrEqualTo(4);
      String everything =
          run.stdout()
              + run.stderr()
              + Files.readString(summary)
              + fromFile.stdout()
              + fromFile.stderr()
              + refused.stdout()
              + refused.stderr()
              + dead.stdout()
              + dead.stderr()
              + Files.readString(dir.resolve("dead.json"));
      for (String secret : secrets) {
        assertThat(everything).as("a secret leaked").doesNotContain(secret);
      }
    }
  }
}
