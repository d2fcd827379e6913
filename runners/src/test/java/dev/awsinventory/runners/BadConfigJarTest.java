package dev.awsinventory.runners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed config of the config module's corpus, through the real jar: exit 1, one line on
 * stderr naming file:line:column, no stack trace, nothing on stdout.
 */
class BadConfigJarTest {
  private static final Path CORPUS = Path.of("../config/src/test/resources/bad");
  @TempDir static Path dir;

  static Stream<Path> badConfigs() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(CORPUS)) {
      files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("badConfigs")
  void exitsOneWithAOneLineErrorNamingTheLocation(Path config) throws Exception {
    Jar.Result r = Jar.run(Map.of(), dir, "--config=" + config.toAbsolutePath());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    List<String> lines = r.stderr().lines().toList();
    assertThat(lines).as(r.toString()).hasSize(1);
    assertThat(lines.get(0))
        .as(r.toString())
        .matches("config error: .*" + config.getFileName() + ":\\d+:\\d+: .+")
        .doesNotContain("Exception", "\tat ");
    assertThat(r.stdout()).isEmpty();
  }
}
