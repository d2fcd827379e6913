package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.awsinventory.config.ConfigLoader;
import dev.awsinventory.config.InventoryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runner a run on one machine gets when the command line names none. */
class RunnerChoiceTest {
  @TempDir Path dir;

  /**
   * Records the options it was asked to configure; sets the job name as its mark. It embeds runs
   * whose job name is "embedded-on-the-command-line".
   */
  private static final class Recording implements EmbeddedRunner {
    final List<PipelineOptions> configured = new ArrayList<>();

    @Override
    public String name() {
      return "TestRunner";
    }

    @Override
    public boolean embeds(PipelineOptions options) {
      return "embedded-on-the-command-line".equals(options.getJobName());
    }

    @Override
    public void configure(PipelineOptions options) {
      configured.add(options);
      options.setJobName("moved");
    }
  }

  @Test
  void pairsAreAccountsTimesTheirRegionsWithAPatternCountedAsTheDefaultRegions() throws Exception {
    assertThat(RunnerChoice.pairs(config(accounts(3), "[us-east-1, eu-west-1]"))).isEqualTo(6);
    assertThat(RunnerChoice.pairs(config(accounts(2), "[\"*\"]")))
        .isEqualTo(2L * RunnerChoice.REGIONS_PER_PATTERN);
    assertThat(RunnerChoice.pairs(config(accounts(1), "[us-east-1, \"eu-*\"]")))
        .isEqualTo(1 + RunnerChoice.REGIONS_PER_PATTERN);
    assertThat(RunnerChoice.pairs(config("", "[us-east-1]")))
        .as("no accounts: the default chain's one account")
        .isEqualTo(1);
    assertThat(RunnerChoice.pairs(config("", "[]")))
        .as("no regions: every enabled region")
        .isEqualTo(RunnerChoice.REGIONS_PER_PATTERN);
    String ownRegions =
        """
            accounts:
              - id: a1
                role_arn: arn:aws:iam::111111111111:role/R
                regions: [us-east-1]
              - id: a2
                role_arn: arn:aws:iam::222222222222:role/R
        """;
    assertThat(RunnerChoice.pairs(config(ownRegions, "[us-east-1, eu-west-1, us-west-2]")))
        .as("an account's own regions replace the global list")
        .isEqualTo(1 + 3);
  }

  @Test
  void smallRunsStayOnTheDirectRunnerAndLargeOnesMove() throws Exception {
    Recording runner = new Recording();
    InventoryConfig small = config(accounts(RunnerChoice.MAX_DIRECT_PAIRS), "[us-east-1]");
    InventoryOptions options = Args.parse(new String[] {"--config=x"});
    assertThat(RunnerChoice.apply(options, small, List.of(runner))).isNull();
    assertThat(runner.configured).isEmpty();
    assertThat(options.getRunner().getSimpleName()).isEqualTo("DirectRunner");

    InventoryConfig large = config(accounts(RunnerChoice.MAX_DIRECT_PAIRS + 1), "[us-east-1]");
    assertThat(RunnerChoice.apply(options, large, List.of(runner))).isSameAs(runner);
    assertThat(runner.configured).containsExactly(options);
    assertThat(options.getJobName()).isEqualTo("moved");
  }

  @Test
  void anOrganizationMovesWhateverItsSize() throws Exception {
    Path file = dir.resolve("org.yml");
    Files.writeString(
        file,
        """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          spec:
            regions: [us-east-1]
            org:
              admin_account:
                local_profile: management
              member_role_name: OrganizationAccountAccessRole
        """);
    Recording runner = new Recording();
    InventoryOptions options = Args.parse(new String[] {"--config=x"});
    assertThat(RunnerChoice.apply(options, ConfigLoader.load(file), List.of(runner)))
        .isSameAs(runner);
  }

  @Test
  void aRunnerOnTheCommandLineIsKept() throws Exception {
    Recording runner = new Recording();
    InventoryConfig large = config(accounts(50), "[\"*\"]");
    InventoryOptions options = Args.parse(new String[] {"--config=x", "--runner=DirectRunner"});
    assertThat(options.getRunnerGiven()).isTrue();
    assertThat(RunnerChoice.apply(options, large, List.of(runner))).isNull();
    assertThat(runner.configured).isEmpty();
    assertThat(Args.parse(new String[] {"--config=x"}).getRunnerGiven()).isFalse();
  }

  @Test
  void withoutAnEmbeddedRunnerTheRunStaysOnTheDirectRunner() throws Exception {
    InventoryOptions options = Args.parse(new String[] {"--config=x"});
    EmbeddedRunner failing =
        throwing(false, new IllegalStateException("cannot write its configuration"));
    InventoryConfig large = config(accounts(30), "[us-east-1]");
    assertThat(RunnerChoice.apply(options, large, List.of())).isNull();
    assertThat(RunnerChoice.apply(options, large, List.of(failing))).isNull();
    assertThat(options.getRunner().getSimpleName()).isEqualTo("DirectRunner");
  }

  @Test
  void aRunnerGivenThatRunsInThisJvmIsSetUpWhateverTheSize() throws Exception {
    Recording runner = new Recording();
    InventoryConfig small = config(accounts(1), "[us-east-1]");
    InventoryOptions options = Args.parse(new String[] {"--config=x", "--runner=DirectRunner"});
    options.setJobName("embedded-on-the-command-line");
    assertThat(RunnerChoice.apply(options, small, List.of(runner))).isSameAs(runner);
    assertThat(runner.configured).containsExactly(options);
  }

  @Test
  void aWrongOptionOfTheRunnerEndsTheRunWithItsMessage() throws Exception {
    EmbeddedRunner refusing =
        throwing(true, new IllegalArgumentException("--flinkConfDir=/nowhere: no such directory"));
    InventoryOptions options = Args.parse(new String[] {"--config=x"});
    InventoryConfig large = config(accounts(30), "[us-east-1]");
    assertThatThrownBy(() -> RunnerChoice.apply(options, large, List.of(refusing)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--flinkConfDir=/nowhere: no such directory");
  }

  @Test
  void theDirectRunnerGetsAThreadPerAccountUpToItsMostUnlessGiven() throws Exception {
    assertThat(directThreads(config(accounts(1), "[\"*\"]"), "--config=x"))
        .as("one account, 17 pairs")
        .isEqualTo(1);
    assertThat(directThreads(config("", "[us-east-1, eu-west-1]"), "--config=x"))
        .as("the default chain's account")
        .isEqualTo(1);
    assertThat(directThreads(config(accounts(6), "[us-east-1, eu-west-1]"), "--config=x"))
        .isEqualTo(6);
    assertThat(
            directThreads(config(accounts(50), "[\"*\"]"), "--config=x", "--runner=DirectRunner"))
        .isEqualTo(Args.DIRECT_PARALLELISM);
    assertThat(
            directThreads(
                config(accounts(1), "[us-east-1]"), "--config=x", "--targetParallelism=5"))
        .as("given on the command line")
        .isEqualTo(5);
    assertThat(directThreads(config(accounts(30), "[us-east-1]"), "--config=x"))
        .as("no embedded runner on the class path: the large run stays, with the most threads")
        .isEqualTo(Args.DIRECT_PARALLELISM);
  }

  /** The DirectRunner's threads after the choice for {@code config}, no embedded runner found. */
  private static int directThreads(InventoryConfig config, String... args) {
    InventoryOptions options = Args.parse(args);
    assertThat(RunnerChoice.apply(options, config, List.of())).isNull();
    return options.as(DirectOptions.class).getTargetParallelism();
  }

  /** A runner whose set-up throws {@code e}; it embeds every run given it when {@code embeds}. */
  private static EmbeddedRunner throwing(boolean embeds, RuntimeException e) {
    return new EmbeddedRunner() {
      @Override
      public String name() {
        return "Throwing";
      }

      @Override
      public boolean embeds(PipelineOptions o) {
        return embeds;
      }

      @Override
      public void configure(PipelineOptions o) {
        throw e;
      }
    };
  }

  private static String accounts(int n) {
    return "    accounts:\n"
        + IntStream.range(0, n)
            .mapToObj(
                i ->
                    "      - id: a%d\n        role_arn: arn:aws:iam::%012d:role/R\n"
                        .formatted(i, 100000000000L + i))
            .collect(Collectors.joining());
  }

  private InventoryConfig config(String accounts, String regions) throws Exception {
    Path file = Files.createTempFile(dir, "cq", ".yml");
    Files.writeString(
        file,
        """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          spec:
            regions: %s
        %s"""
            .formatted(regions, accounts));
    return ConfigLoader.load(file);
  }
}
