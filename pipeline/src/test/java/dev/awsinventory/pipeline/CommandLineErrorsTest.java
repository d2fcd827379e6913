package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
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
    int code =
        new InventoryPipeline(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(args)
            .exitCode();
    assertThat(code).isEqualTo(expectedCode);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--no-such-option=1",
        "--fetchConcurrency=abc",
        "--rateLimit=x",
        "--runner=NoSuchRunner",
        "--config"
      })
  void badOptionsAreOneLine(String arg) {
    List<String> lines = run(1, arg, "--config=" + dir.resolve("cq.yml"));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("aws-inventory: ").doesNotContain("\tat ");
  }

  /** Each bad value is named as the user wrote it, before any credential or database check. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "--fail-on=fatel|--fail-on=fatel: expected partial or fatal",
        "--report=sometimes|--report=sometimes: expected true, false or only",
        "--slice-timeout-seconds=-1|--slice-timeout-seconds=-1: must be at least 1",
        "--fetch-concurrency=-5|--fetch-concurrency=-5: must be at least 1",
        "--wait-for-lock=-9|--wait-for-lock=-9: must be at least 0",
        "--lock-timeout-seconds=0|--lock-timeout-seconds=0: must be at least 1",
        "--progress-interval=-1|--progress-interval=-1: must be at least 0",
        "--role-session-seconds=10|--role-session-seconds=10: must be from 900 to 43200",
        "--db-port=70000|--db-port=70000: must be from 1 to 65535",
        "--db-port=-1|--db-port=-1: must be from 1 to 65535",
        "--page-size=abc|--page-size=abc: expected a whole number",
        "--targetParallelism=0|--target-parallelism=0: must be at least 1",
        "--target-parallelism=-3|--target-parallelism=-3: must be at least 1",
        "--targetParallelism=abc|--target-parallelism=abc: expected a whole number",
        "--parallelism=0|--parallelism=0: must be at least 1",
        "--parallelism=-5|--parallelism=-5: must be at least 1",
        "--parallelism=abc|--parallelism=abc: expected a whole number",
        "--parallelism=1.5|--parallelism=1.5: expected a whole number",
        "--parallelism=99999999999|--parallelism=99999999999: expected a whole number up to"
            + " 2147483647",
        "--parallelism|--parallelism needs a value, given as --parallelism=VALUE",
        "--hold-db=maybe|--hold-db=maybe: expected true or false",
        "--config=cq.yml|--demo uses its own simulated AWS and config: give --demo or"
            + " --config=cq.yml, not both",
        "--fetch-concurrency=99999999999|--fetch-concurrency=99999999999: expected a whole number"
            + " up to 2147483647",
        "--config=|--config needs a value, given as --config=VALUE",
        "--summary-file=|--summary-file needs a value, given as --summary-file=VALUE",
        "--bogus-option=1|unknown option --bogus-option (--help lists the options)",
        "--configFile=x.yml|unknown option --configFile (--help lists the options)",
        "--fetch-concurency=4|unknown option --fetch-concurency; did you mean '--fetch-concurrency'?"
            + " (--help lists the options)",
        "--help=xyz|--help=xyz: takes no value (--help, --help=beam for Beam's own options,"
            + " --version)",
        "--version=3|--version=3: takes no value (--help, --help=beam for Beam's own options,"
            + " --version)"
      })
  void badOptionValuesAreNamedInOneLine(String caseAndMessage) {
    String[] c = caseAndMessage.split("\\|", -1);
    assertThat(run(1, "--demo", c[0])).containsExactly("aws-inventory: " + c[1]);
  }

  @Test
  void anOptionGivenTwiceIsRefusedByName() {
    assertThat(run(1, "--config=a.yml", "--fetch-concurrency=4", "--config=b.yml"))
        .containsExactly("aws-inventory: --config is given more than once; give it once");
  }

  /** Writing the summary over the config would lose the user's file; it is refused, untouched. */
  @Test
  void theSummaryFileCannotBeTheConfigFile() throws Exception {
    Path config = dir.resolve("cloudquery.yml");
    String text = "kind: source\nspec:\n  name: aws\n";
    Files.writeString(config, text);
    String other = dir.resolve("x").resolve("..").resolve("cloudquery.yml").toString();
    assertThat(run(1, "--config=" + config, "--summary-file=" + other))
        .containsExactly(
            "aws-inventory: --summary-file="
                + other
                + ": is the config file (--config); writing the summary would replace it");
    assertThat(Files.readString(config)).isEqualTo(text);

    Path secret = Files.writeString(dir.resolve("name.txt"), "aws");
    Path reading =
        Files.writeString(
            dir.resolve("reads.yml"), "kind: source\nspec:\n  name: ${file:name.txt}\n");
    assertThat(run(1, "--config=" + reading, "--summary-file=" + secret))
        .containsExactly(
            "aws-inventory: --summary-file="
                + secret
                + ": is a file the config reads (${file:...}); writing the summary would replace"
                + " it");
    assertThat(Files.readString(secret)).isEqualTo("aws");
  }

  /** An option that takes a value, given without one, is named with the form it needs. */
  @Test
  void anOptionWithoutItsValueIsNamedWithTheFormItNeeds() {
    assertThat(run(1, "--config"))
        .containsExactly("aws-inventory: --config needs a value, given as --config=VALUE");
    assertThat(run(1, "--config", "cloudquery.yml"))
        .containsExactly("aws-inventory: --config needs a value, given as --config=cloudquery.yml");
    assertThat(run(1, "--demo", "--fetch-concurrency", "--plan"))
        .containsExactly(
            "aws-inventory: --fetch-concurrency needs a value, given as --fetch-concurrency=VALUE");
    assertThat(Args.parse(new String[] {"--config=x", "--report"}).getReport())
        .as("--report alone is documented, meaning true")
        .isEqualTo("true");
  }

  /** A summary file that could not be written is refused before the run, not after it. */
  @Test
  void aSummaryFileThatCannotBeWrittenIsOneLineBeforeTheRun() throws Exception {
    Path file = Files.writeString(dir.resolve("plain.txt"), "x");
    String under = file + "/summary.json";
    assertThat(run(1, "--demo", "--summary-file=" + under))
        .containsExactly(
            "aws-inventory: --summary-file=" + under + ": " + file + " is not a directory");
    assertThat(run(1, "--demo", "--summary-file=" + dir))
        .containsExactly("aws-inventory: --summary-file=" + dir + ": is a directory");
    // root may write anywhere by its permissions, yet no file can be created in /proc
    assertThat(run(1, "--demo", "--summary-file=/proc/summary.json"))
        .containsExactly("aws-inventory: --summary-file=/proc/summary.json: cannot write in /proc");
    OptionChecks.summaryFile(dir.resolve("new/summary.json").toString());
    try (var left = Files.list(dir)) {
      assertThat(left).as("the check leaves no file behind").containsExactly(file);
    }
  }

  @Test
  void aFailOnValueIsAnEnumeration() {
    assertThat(FailOn.parse("fatal")).isEqualTo(FailOn.FATAL);
    assertThat(FailOn.parse("PARTIAL")).isEqualTo(FailOn.PARTIAL);
  }

  /**
   * {@code --fail-on} is of an enumerated type: Beam's parser reads it (in any case), an empty
   * value is refused in the same words as a misspelt one, and the value survives the JSON form in
   * which a runner ships the options to its workers.
   */
  @Test
  void theFailOnOptionIsReadByTheOptionsParserAndTravelsWithTheOptions() throws Exception {
    InventoryOptions fatal = Args.parse(new String[] {"--fail-on=FATAL"});
    assertThat(fatal.getFailOn()).isEqualTo(FailOn.FATAL);
    assertThat(Args.parse(new String[] {"--fail-on=partial"}).getFailOn())
        .isEqualTo(FailOn.PARTIAL);
    assertThat(Args.parse(new String[0]).getFailOn()).isEqualTo(FailOn.PARTIAL);
    ObjectMapper json = new ObjectMapper();
    PipelineOptions shipped = json.readValue(json.writeValueAsString(fatal), PipelineOptions.class);
    assertThat(shipped.as(InventoryOptions.class).getFailOn()).isEqualTo(FailOn.FATAL);
    assertThat(run(1, "--demo", "--fail-on="))
        .containsExactly("aws-inventory: --fail-on=: expected partial or fatal");
    assertThat(Help.text()).contains("--fail-on  (default: partial)");
  }

  @Test
  void helpShowsTheDefaultsOfLongOptions() {
    assertThat(Help.text()).contains("--slice-timeout-seconds  (default: 1800)");
  }

  @Test
  void aConfigThatIsNoRegularFileIsOneLine() throws Exception {
    assertThat(run(1, "--config=" + dir))
        .containsExactly(
            "config error: " + dir + ":1:1: not a regular file (a directory, a device or a pipe)");
    Path config = dir.resolve("zero.yml");
    Files.writeString(
        config,
        """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          tables: ['*']
          destinations: [postgresql]
          spec:
            accounts:
              - id: '111111111111'
                external_id: ${file:/dev/zero}
        """);
    assertThat(run(1, "--config=" + config))
        .singleElement()
        .asString()
        .startsWith("config error: " + config + ":10:")
        .contains("not a regular file (a directory, a device or a pipe): /dev/zero");
  }

  @Test
  void aMissingConfigOptionIsOneLine() {
    assertThat(run(1)).singleElement().asString().startsWith("aws-inventory: ");
  }

  @Test
  void configProblemsAreOneLocatedLine() throws Exception {
    Path missing = dir.resolve("missing.yml");
    assertThat(run(1, "--config=" + missing))
        .containsExactly("config error: " + missing + ":1:1: file not found");
    Path onlyGcp = dir.resolve("gcp.yml");
    Files.writeString(
        onlyGcp,
        """
        cloudquery:
          providers:
            - name: gcp
              source: cloudquery/gcp
        providers:
          - name: gcp
        """);
    assertThat(run(1, "--config=" + onlyGcp))
        .containsExactly(
            "config error: "
                + onlyGcp
                + ":6:3: providers: no aws provider; add an entry with name: aws");
    assertThat(run(1, "--config=" + dir + "/bad\u0000name.yml"))
        .singleElement()
        .asString()
        .startsWith("config error: ")
        .contains(":1:1: ");
  }
}
