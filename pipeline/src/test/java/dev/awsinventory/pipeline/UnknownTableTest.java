package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table name that matches nothing stops the run before any call, naming the closest table. */
class UnknownTableTest {
  @TempDir Path dir;

  @Test
  void anUnknownTableIsAConfigErrorWithASuggestion() throws Exception {
    Path config = dir.resolve("cq.yml");
    Files.writeString(
        config,
        """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          tables:
            - aws_ec2_vpcs
            - aws_ec2_instance
        """);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new InventoryPipeline(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(new String[] {"--config=" + config})
            .exitCode();
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "config error: "
                + config
                + ":7:7: spec.tables[1]: unknown table 'aws_ec2_instance' (did you mean 'aws_ec2_instances'?)");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
