package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClassArchives} alone: the launcher's side of a run is {@code options} then {@code
 * afterExit}; the job's side (writing the archive and the report) is done here by the test, at the
 * paths the options name.
 */
class ClassArchivesTest {
  private static final List<String> JVM = Launcher.CHOSEN;
  private static final List<String> SMALL = List.of("/work", "--config=small.yml");
  private static final List<String> LARGE = List.of("/work", "--config=large.yml");

  @TempDir Path tmp;
  private Path jar;
  private Map<String, String> env;

  @BeforeEach
  void jar() throws Exception {
    jar = Files.writeString(tmp.resolve("aws-inventory.jar"), "a jar");
    env = Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  @Test
  void theArchiveAJobWritesIsKeptUnderTheRunnerItReportsAndMappedByTheNextRunsOfThatRunner()
      throws Exception {
    ClassArchives first = ClassArchives.of(env);
    List<String> options = first.options(jar, JVM, LARGE, true);
    assertThat(options).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    job(options, "FlinkRunner", true);
    first.afterExit(0);
    assertThat(names())
        .containsExactlyInAnyOrder(
            first.archive("FlinkRunner").getFileName().toString(),
            "aws-inventory-last.runner",
            runnerFileOf(first));

    ClassArchives second = ClassArchives.of(env);
    List<String> again = second.options(jar, JVM, LARGE, true);
    assertThat(again)
        .as("the same command line predicts the runner it reported")
        .contains("-XX:SharedArchiveFile=" + first.archive("FlinkRunner"))
        .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    job(again, "FlinkRunner", false);
    second.afterExit(0);
    assertThat(archives()).hasSize(1);

    ClassArchives other = ClassArchives.of(env);
    assertThat(other.options(jar, JVM, SMALL, true))
        .as("a new command line predicts the runner of the last run")
        .contains("-XX:SharedArchiveFile=" + first.archive("FlinkRunner"));
  }

  @Test
  void aRunThatMappedAnotherRunnersArchiveMakesTheNextRunWriteItsOwn() throws Exception {
    ClassArchives direct = ClassArchives.of(env);
    job(direct.options(jar, JVM, SMALL, true), "DirectRunner", true);
    direct.afterExit(0);

    ClassArchives mismatched = ClassArchives.of(env);
    List<String> options = mismatched.options(jar, JVM, LARGE, true);
    assertThat(options).contains("-XX:SharedArchiveFile=" + direct.archive("DirectRunner"));
    job(options, "FlinkRunner", false);
    mismatched.afterExit(2);

    ClassArchives next = ClassArchives.of(env);
    List<String> writing = next.options(jar, JVM, LARGE, true);
    assertThat(writing).anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
    job(writing, "FlinkRunner", true);
    next.afterExit(0);
    assertThat(archives())
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder(
            direct.archive("DirectRunner").getFileName().toString(),
            direct.archive("FlinkRunner").getFileName().toString());
    assertThat(ClassArchives.of(env).options(jar, JVM, SMALL, true))
        .as("the small command line still predicts the DirectRunner")
        .contains("-XX:SharedArchiveFile=" + direct.archive("DirectRunner"));
  }

  @Test
  void aFailedRunOrOneWithoutAReportKeepsNoArchiveAndLeavesNoTemporaryFile() throws Exception {
    ClassArchives failed = ClassArchives.of(env);
    job(failed.options(jar, JVM, SMALL, true), "DirectRunner", true);
    failed.afterExit(1);
    assertThat(archives()).isEmpty();

    ClassArchives unreported = ClassArchives.of(env);
    job(unreported.options(jar, JVM, SMALL, true), null, true);
    unreported.afterExit(0);
    assertThat(archives()).isEmpty();
    assertThat(names()).noneMatch(n -> n.endsWith(".tmp"));

    ClassArchives badName = ClassArchives.of(env);
    job(badName.options(jar, JVM, SMALL, true), "../../etc/passwd", true);
    badName.afterExit(0);
    assertThat(archives()).as("a report that is not a runner's name is ignored").isEmpty();
  }

  @Test
  void aRunOutsideThePipelineOnlyMapsAndAJarRebuiltGetsANewArchive() throws Exception {
    ClassArchives plan = ClassArchives.of(env);
    assertThat(plan.options(jar, JVM, SMALL, false)).isEmpty();
    assertThat(tmp.resolve("cache")).doesNotExist();

    ClassArchives direct = ClassArchives.of(env);
    job(direct.options(jar, JVM, SMALL, true), "DirectRunner", true);
    direct.afterExit(0);
    assertThat(ClassArchives.of(env).options(jar, JVM, SMALL, false))
        .containsExactly(
            "-XX:SharedArchiveFile=" + direct.archive("DirectRunner"), "-Xlog:cds*=off");

    Files.writeString(jar, "a rebuilt jar");
    assertThat(ClassArchives.of(env).options(jar, JVM, SMALL, true))
        .anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit="));
  }

  @Test
  void filesUnusedForAWeekAndTemporaryFilesOlderThanADayAreRemovedAfterARun() throws Exception {
    Path cds = Files.createDirectories(ClassArchives.of(env).dir());
    Path oldArchive = aged(cds.resolve("aws-inventory-0123456789ab.jsa"), Duration.ofDays(8));
    Path oldRunner = aged(cds.resolve("aws-inventory-run-0123.runner"), Duration.ofDays(8));
    Path oldTmp = aged(cds.resolve("aws-inventory-x.99.tmp"), Duration.ofDays(2));
    Path recentTmp = aged(cds.resolve("aws-inventory-y.98.tmp"), Duration.ofHours(1));
    Path recentArchive = aged(cds.resolve("aws-inventory-ba9876543210.jsa"), Duration.ofDays(6));
    Path notOurs = aged(cds.resolve("other.jsa"), Duration.ofDays(30));

    ClassArchives run = ClassArchives.of(env);
    job(run.options(jar, JVM, SMALL, true), "DirectRunner", true);
    run.afterExit(0);

    assertThat(oldArchive).doesNotExist();
    assertThat(oldRunner).doesNotExist();
    assertThat(oldTmp).doesNotExist();
    assertThat(recentTmp).exists();
    assertThat(recentArchive).exists();
    assertThat(notOurs).exists();
  }

  /** Does what the job's JVM does: writes the archive at exit, reports its runner. */
  private static void job(List<String> options, String runner, boolean expectWrite)
      throws Exception {
    for (String o : options) {
      if (o.startsWith("-XX:ArchiveClassesAtExit=")) {
        assertThat(expectWrite).as("writes an archive").isTrue();
        Files.writeString(Path.of(o.substring(o.indexOf('=') + 1)), "classes");
      }
      if (o.startsWith("-D" + ClassArchives.REPORT_PROPERTY + "=") && runner != null) {
        Files.writeString(Path.of(o.substring(o.indexOf('=') + 1)), runner);
      }
    }
    assertThat(options).anyMatch(o -> o.startsWith("-D" + ClassArchives.REPORT_PROPERTY));
  }

  private String runnerFileOf(ClassArchives a) throws Exception {
    try (Stream<Path> files = Files.list(a.dir())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("aws-inventory-run-") && n.endsWith(".runner"))
          .findFirst()
          .orElseThrow();
    }
  }

  private List<Path> archives() throws Exception {
    Path cds = tmp.resolve("cache/aws-inventory/cds");
    try (Stream<Path> files = Files.list(cds)) {
      return files.filter(p -> p.toString().endsWith(".jsa")).toList();
    }
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(tmp.resolve("cache/aws-inventory/cds"))) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static Path aged(Path file, Duration age) throws Exception {
    Files.writeString(file, "x");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    return file;
  }
}
