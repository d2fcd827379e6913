package dev.awsinventory.pipeline;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's config for the fake and a test database, and running the pipeline on it in-process.
 */
final class InventoryRun {
  static final String SOURCE = "111111111111";

  private InventoryRun() {}

  /**
   * A current-layout config for one role, some tables and regions; extra AWS options may be given.
   */
  static Path config(
      Path dir,
      FakeAws aws,
      String role,
      String dbUrl,
      List<String> tables,
      List<String> regions,
      String extraAwsOptions)
      throws IOException {
    Path file = Files.createTempFile(dir, "config", ".yml");
    Files.writeString(
        file,
        """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          tables: %s
          destinations: ["postgresql"]
          spec:
            regions: %s
            custom_endpoint_url: "%s"
        %s
            accounts:
              - account_name: target
                role_arn: "%s"
        ---
        kind: destination
        spec:
          name: postgresql
          path: cloudquery/postgresql
          spec:
            connection_string: "postgres://%s:%s@%s"
        """
            .formatted(
                json(tables),
                json(regions),
                aws.endpoint(),
                extraAwsOptions.indent(4).stripTrailing(),
                role,
                TestDatabase.USER,
                TestDatabase.PASSWORD,
                dbUrl.substring("jdbc:postgresql://".length())));
    return file;
  }

  /** Runs the pipeline with the source user's credentials as the default chain sees them. */
  static Result run(Credentials source, String... args) {
    System.setProperty("aws.accessKeyId", source.accessKeyId());
    System.setProperty("aws.secretAccessKey", source.secretAccessKey());
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
      long start = System.nanoTime();
      InventoryPipeline.Result r = new InventoryPipeline(out, out).run(args);
      return new Result(
          r.exitCode(),
          r.summary(),
          buffer.toString(StandardCharsets.UTF_8),
          (System.nanoTime() - start) / 1e9);
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  private static String json(List<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add("\"" + v + "\""));
    return "[" + String.join(", ", quoted) + "]";
  }

  record Result(int code, Summary summary, String output, double seconds) {}
}
