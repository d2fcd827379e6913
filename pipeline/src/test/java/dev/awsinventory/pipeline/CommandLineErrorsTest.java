package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever is wrong on the command line or in the config file: one line and exit 1. */
class CommandLineErrorsTest {
  @TempDir Path dir;

  private static List<String> run(int expectedCode, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new InventoryPipeline(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args).exitCode();
    assertThat(code).isEqualTo(expectedCode);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--no-such-option=1", "--fetchConcurrency=abc", "--rateLimit=x",
      "--runner=NoSuchRunner", "--config"})
  void badOptionsAreOneLine(String arg) {
    List<String> lines = run(1, arg, "--config=" + dir.resolve("cq.yml"));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("aws-inventory: ").doesNotContain("\tat ");
  }

  @Test
  void aMissingConfigOptionIsOneLine() {
    assertThat(run(1)).singleElement().asString().startsWith("aws-inventory: ");
  }

  @Test
  void configProblemsAreOneLocatedLine() throws Exception {
    Path missing = dir.resolve("missing.yml");
    assertThat(run(1, "--config=" + missing)).containsExactly(
        "config error: " + missing + ":1:1: file not found");
    Path onlyGcp = dir.resolve("gcp.yml");
    Files.writeString(onlyGcp, """
        cloudquery:
          providers:
            - name: gcp
              source: cloudquery/gcp
        providers:
          - name: gcp
        """);
    assertThat(run(1, "--config=" + onlyGcp)).containsExactly(
        "config error: " + onlyGcp + ":6:3: providers: no aws provider; add an entry with name: aws");
    assertThat(run(1, "--config=" + dir + "/bad\u0000name.yml")).singleElement().asString()
        .startsWith("config error: ").contains(":1:1: ");
  }
}
