package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of mutations and truncations of the example configs: every one either loads or
 * fails with one located line (a ConfigException that is not the loader's safety net for unexpected
 * failures). No other exception, no stack trace, no hang.
 */
class MutationCorpusTest {
  private static final int PER_FILE = 700;
  private static final String[] TOKENS = {
    ":",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "#",
    "'",
    "\"",
    "\t",
    "*",
    "*a",
    "&a ",
    "!",
    "!!binary ",
    "!!map ",
    "%",
    "@",
    "`",
    "|",
    ">",
    ",",
    "?",
    "\u0000",
    "\uFFFD",
    "\\",
    "${",
    "}",
    "${UNDEFINED}",
    "${file:missing.txt}",
    "${file:}",
    "${:}",
    "<<: *a",
    "~",
    "null",
    "-1",
    "99999999999999999999",
    "0x1F",
    "1e400",
    "true",
    "[]",
    "{}",
    "''",
    "\n",
    "\n  ",
    "\n- ",
    "   ",
    "ü",
    "\r",
    "...",
    "---\n",
    "arn:aws:iam::1:role/x",
    "*.*",
    "us-est-1",
    "eu-central-3"
  };
  private static final String[] VALUES = {
    "[]",
    "{}",
    "~",
    "-1",
    "0",
    "\"\"",
    "[[]]",
    "{a: b}",
    "${UNDEFINED}",
    "${PGPASSWORD}",
    "*a",
    "&a x",
    "!!str",
    "[a, {b: c}]",
    "99999999999",
    "\"${file:nope}\"",
    "| \n  text",
    "'",
    "yes",
    "1.5",
    "0o17",
    "\"\\u0000\"",
    "ou-1",
    "r-x"
  };

  @TempDir Path dir;

  @Test
  void everyMutationLoadsOrFailsWithOneLocatedLine() throws IOException {
    List<Path> examples;
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      examples = files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
    Random random = new Random(20261130L);
    Path file = dir.resolve("mutant.yml");
    Files.writeString(dir.resolve("secret.txt"), "s3cr3t-from-file\n");
    Map<String, String> env = Map.of("PGPASSWORD", "pw-Zq7-secret", "REGION", "eu-west-1");
    int loaded = 0;
    int rejected = 0;
    List<String> defects = new ArrayList<>();
    for (Path example : examples) {
      String text = Files.readString(example, StandardCharsets.UTF_8);
      for (int i = 0; i < PER_FILE; i++) {
        String mutant = mutate(text, random, i);
        Files.writeString(file, mutant, StandardCharsets.UTF_8);
        try {
          ConfigLoader.load(file, env);
          loaded++;
        } catch (ConfigException e) {
          rejected++;
          String m = e.getMessage();
          if (m.contains("\n")
              || m.contains("\r")
              || !m.matches("\\Q" + file + "\\E:\\d+:\\d+: .+")
              || m.contains(ConfigLoader.UNEXPECTED)
              || e.line() < 1
              || e.column() < 1
              || m.contains("pw-Zq7-secret")
              || m.contains("s3cr3t-from-file")) {
            defects.add(example.getFileName() + " #" + i + ": " + m + "\n---\n" + mutant);
          }
        } catch (RuntimeException | StackOverflowError e) {
          defects.add(example.getFileName() + " #" + i + ": " + e + "\n---\n" + mutant);
        }
      }
    }
    System.out.printf(
        "mutation corpus: %d configs, %d loaded, %d rejected with one line%n",
        loaded + rejected + defects.size(), loaded, rejected);
    assertThat(defects).as("defects").isEmpty();
    assertThat(loaded + rejected).isGreaterThanOrEqualTo(2000);
    assertThat(loaded).as("some mutants still load").isPositive();
    assertThat(rejected).as("most mutants are rejected").isGreaterThan(loaded);
  }

  /** Shapes that once broke readers elsewhere: recursion, merges, odd scalars. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "providers:\n  - &p\n    name: aws\n    configuration: {accounts: [*p]}\n",
        "providers:\n  - name: aws\n    configuration: &c\n      regions: [eu-west-1]\n      <<: *c\n",
        "providers:\n  - name: aws\n    configuration: &c\n      org: *c\n",
        "x: &a [*a]\nproviders: *a\n",
        "providers:\n  - name: aws\n    configuration:\n      <<: [1, 2]\n",
        "providers:\n  - name: aws\n    configuration:\n      ? [a, b]\n      : c\n",
        "providers:\n  - name: aws\n    configuration:\n      max_retries: 99999999999999999999\n",
        "cloudquery:\n  connection:\n    port: 1e400\nproviders:\n  - name: aws\n",
        "providers:\n  - name: [aws]\n",
        "providers:\n  - name: aws\n    resources: [\"\"]\n",
        "kind: source\nspec: {name: aws, path: cloudquery/aws, tables: [\"aws_*\"], spec: {org: {member_role_name: R}, accounts: []}}\n",
        "kind: destination\nspec: {name: postgresql, path: cloudquery/postgresql}\n",
        "kind: source\nspec: {name: aws, path: [cloudquery/aws]}\n",
        "kind: [source]\n",
        "---\n---\n",
        "providers: ${UNDEFINED\n",
        "providers:\n  - name: aws # ${UNDEFINED}\n    configuration: {regions: ['${X}']}\n",
        "x: &a [*a, '${UNDEFINED}']\nproviders: *a\n",
        "x: &a {y: *a, z: '${UNDEFINED}'}\nproviders: [{name: aws, configuration: *a}]\n",
      })
  void knownTrickyShapesFailWithOneLocatedLine(String yaml) throws IOException {
    Path file = dir.resolve("tricky.yml");
    Files.writeString(file, yaml);
    try {
      ConfigLoader.load(file, Map.of());
    } catch (ConfigException e) {
      assertThat(e.getMessage())
          .doesNotContain("\n")
          .doesNotContain(ConfigLoader.UNEXPECTED)
          .matches("\\Q" + file + "\\E:\\d+:\\d+: .+");
    }
  }

  /** One of several kinds of damage, chosen by {@code i} and the random source. */
  private static String mutate(String text, Random r, int i) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int line = r.nextInt(lines.size());
    switch (i % 8) {
      case 0 -> {
        return text.substring(0, r.nextInt(text.length() + 1));
      }
      case 1 -> {
        int at = r.nextInt(text.length() + 1);
        return text.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + text.substring(at);
      }
      case 2 -> {
        int at = r.nextInt(Math.max(1, text.length()));
        int end = Math.min(text.length(), at + 1 + r.nextInt(8));
        return text.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + text.substring(end);
      }
      case 3 -> lines.remove(line);
      case 4 -> lines.add(line, lines.get(r.nextInt(lines.size())));
      case 5 -> {
        String l = lines.get(line);
        lines.set(line, r.nextBoolean() ? "  " + l : l.replaceFirst("^ {1,2}", ""));
      }
      case 6 -> {
        String l = lines.get(line);
        int colon = l.indexOf(": ");
        lines.set(
            line,
            colon < 0
                ? l + ": " + VALUES[r.nextInt(VALUES.length)]
                : l.substring(0, colon + 2) + VALUES[r.nextInt(VALUES.length)]);
      }
      default -> {
        String l = lines.get(line);
        int colon = l.indexOf(':');
        if (colon > 1) {
          int at = l.indexOf(l.trim()) + r.nextInt(Math.max(1, colon - l.indexOf(l.trim())));
          lines.set(line, l.substring(0, at) + (char) ('a' + r.nextInt(26)) + l.substring(at + 1));
        } else {
          lines.set(line, l + "${file:secret.txt}");
        }
      }
    }
    return String.join("\n", lines);
  }
}
