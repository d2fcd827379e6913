package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS source option {@code denied_regions}: fail (default) or skip; anything else is a located
 * error.
 */
class DeniedRegionsOptionTest {
  @TempDir Path dir;

  private static String config(String option) {
    return """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          spec:
            regions: [us-east-1]
        %s"""
        .formatted(option.isEmpty() ? "" : "    " + option + "\n");
  }

  @Test
  void failIsTheDefaultAndSkipIsRead() throws Exception {
    assertThat(TempConfig.load(dir, config("")).skipDeniedRegions()).isFalse();
    assertThat(TempConfig.load(dir, config("denied_regions: fail")).skipDeniedRegions()).isFalse();
    assertThat(TempConfig.load(dir, config("denied_regions: skip")).skipDeniedRegions()).isTrue();
  }

  @Test
  void anyOtherValueIsAnErrorAtItsLocation() throws Exception {
    ConfigException e = TempConfig.error(dir, config("denied_regions: ignore"));
    assertThat(e.getMessage())
        .contains("cloudquery.yml:7:21:", "expected 'fail' or 'skip', got 'ignore'");
  }
}
