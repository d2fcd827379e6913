package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.ConfigLoader;
import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.config.WriteMode;
import dev.awsinventory.testing.aws.AssumeRoleCall;
import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.LegacyConfig;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * external_id, role_session_name (and its default), the session duration and local_profile reach
 * AssumeRole; display data holds no password.
 */
class CredentialOptionsTest {
  @TempDir Path dir;

  @Test
  void accountOptionsReachAssumeRole() throws Exception {
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser(InventoryRun.SOURCE);
      String roleA = aws.account("123456789012").role("InventoryRead", InventoryRun.SOURCE);
      Credentials profileUser = aws.sourceUser("444455556666");
      String roleB = aws.account("210987654321").role("InventoryRead", "444455556666");
      aws.requireExternalId(roleA, "xid-123");
      Path credentials = dir.resolve("credentials");
      Files.writeString(
          credentials,
          "[inventory]\naws_access_key_id = "
              + profileUser.accessKeyId()
              + "\naws_secret_access_key = "
              + profileUser.secretAccessKey()
              + "\n");
      String url = pg.newDatabase();
      Path config =
          LegacyConfig.write(
              dir.resolve("accounts.yml"),
              pg.port(),
              url,
              "[ec2.vpcs]",
              """
          regions: [us-east-1]
          custom_endpoint_url: "%s"
          accounts:
            - account_name: with-external-id
              role_arn: "%s"
              external_id: xid-123
              role_session_name: audit-session
            - account_name: from-profile
              role_arn: "%s"
              local_profile: inventory
          """
                  .formatted(aws.endpoint(), roleA, roleB));
      System.setProperty("aws.sharedCredentialsFile", credentials.toString());
      System.setProperty("aws.configFile", dir.resolve("no-config").toString());
      InventoryRun.Result r;
      try {
        // the default chain holds the source user (account A); role B trusts only the
        // profile's user, so account B succeeds only through local_profile
        r = InventoryRun.run(source, "--config=" + config, "--role-session-seconds=1200");
      } finally {
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.configFile");
      }
      assertThat(r.code()).as(r.output()).isZero();
      List<String> calls = new ArrayList<>();
      for (AssumeRoleCall c : aws.assumeRoleCalls()) {
        calls.add(
            c.roleArn()
                + " "
                + c.sessionName()
                + " "
                + c.externalId()
                + " "
                + c.callerAccount()
                + " "
                + c.durationSeconds()
                + " "
                + c.granted());
      }
      assertThat(calls)
          .contains(
              roleA + " audit-session xid-123 " + InventoryRun.SOURCE + " 1200 true",
              roleB + " aws-inventory null 444455556666 1200 true");
    }
  }

  @Test
  void displayDataNeverShowsThePassword() throws Exception {
    String password = "display-secret-771";
    Path config = dir.resolve("cq.yml");
    Files.writeString(
        config,
        """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          spec:
            accounts:
              - role_arn: arn:aws:iam::123456789012:role/InventoryRead
                external_id: xid-123
        """);
    InventoryConfig cfg = ConfigLoader.load(config);
    Database db =
        new Database("jdbc:postgresql://db.example:5432/inventory", "inventory", password);
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    new InventoryGraph(
            cfg.accounts(),
            cfg.regions(),
            TableRegistry.all(),
            AwsSettings.from(cfg),
            db.beam(),
            new SyncRun(
                UUID.randomUUID().toString(),
                "aws",
                Instant.parse("2026-01-01T00:00:00Z"),
                WriteMode.OVERWRITE_DELETE_STALE),
            null,
            InventoryGraph.Fetching.DEFAULT.withConcurrency(8))
        .addTo(p);
    StringBuilder all = new StringBuilder();
    p.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            all.append(DisplayData.from(node.getTransform())).append('\n');
          }

          @Override
          public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
            if (node.getTransform() != null) {
              all.append(DisplayData.from(node.getTransform())).append('\n');
            }
            return CompositeBehavior.ENTER_TRANSFORM;
          }
        });
    assertThat(all.toString())
        .contains("jdbc:postgresql://db.example:5432/inventory")
        .doesNotContain(password);
    for (AccountConfig a : cfg.accounts()) {
      assertThat(a.toString()).doesNotContain("xid-123");
    }
  }
}
