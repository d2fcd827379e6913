package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadConfigTest {
  private static final Path BAD = Path.of("src/test/resources/bad");

  /** File, line:column, and a distinctive part of the message. */
  private static final String CASES =
      """
      malformed-yaml.yml           | 5:11 | malformed YAML: mapping values are not allowed here
      tab-indent.yml               | 4:1  | malformed YAML: found character
      unclosed-quote.yml           | 4:15 | malformed YAML: the quoted scalar that starts here is not closed before the end of the file
      unclosed-bracket.yml         | 9:16 | malformed YAML: the flow sequence that starts here is not closed before the end of the file
      empty.yml                    | 1:1  | the file is empty
      not-utf8.yml                 | 6:28 | the file is not UTF-8 text: byte 0xe9 here is not UTF-8
      top-level-list.yml           | 1:1  | expected a map at the top level of the file, got a list
      not-cloudquery.yml           | 1:1  | not a CloudQuery config
      unknown-key.yml              | 11:7 | providers[0].configuration.acounts: unknown key 'acounts' (did you mean 'accounts'?)
      unknown-account-key.yml      | 8:11 | providers[0].configuration.accounts[1].role_ar: unknown key 'role_ar' (did you mean 'role_arn'?)
      unknown-source-key.yml       | 6:3  | spec.tabels: unknown key 'tabels' (did you mean 'tables'?)
      duplicate-key.yml            | 6:7  | providers[0].configuration.regions: duplicate key 'regions' (first at line 4)
      port-not-a-number.yml        | 7:11 | cloudquery.connection.port: expected a whole number, got 'abc'
      regions-wrong-type.yml       | 4:16 | providers[0].configuration.regions: expected a list of strings, got a number
      regions-map.yml              | 5:9  | providers[0].configuration.regions: expected a list of strings, got a map
      accounts-is-map.yml          | 5:9  | providers[0].configuration.accounts: expected a list, got a map
      role-arn-is-list.yml         | 7:13 | providers[0].configuration.accounts[0].role_arn: expected a string, got a list
      max-retries-negative.yml     | 4:20 | providers[0].configuration.max_retries: must be at least 0, got '-1'
      max-retries-list.yml         | 4:20 | providers[0].configuration.max_retries: expected a whole number, got a list
      port-negative.yml            | 7:11 | cloudquery.connection.port: must be at least 1, got '-1'
      account-id-huge.yml          | 5:15 | accounts[0].id: an AWS account id has 12 digits, got 300 in '11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111...' (300 characters)
      max-retries-too-large.yml    | 4:20 | providers[0].configuration.max_retries: expected a whole number up to 2147483647, got '99999999999'
      bad-role-arn.yml             | 8:21 | providers[0].configuration.accounts[1].role_arn: malformed role ARN 'arn:aws:iam:333333333333:role/CloudQueryFetchRole'
      bad-account-id.yml           | 5:15 | providers[0].configuration.accounts[0].id: an AWS account id has 12 digits, got 11
      duplicate-account-names.yml  | 9:25 | providers[0].configuration.accounts[2].account_name: duplicate account name 'prod' (first used at line 5)
      unknown-region.yml           | 6:11 | providers[0].configuration.regions[1]: unknown region 'us-est-1' (did you mean 'us-east-1'?)
      unknown-default-region.yml   | 7:27 | providers[0].configuration.accounts[0].default_region: unknown region 'eu-wst-1' (did you mean 'eu-west-1'?)
      undefined-variable.yml       | 5:15 | cloudquery.connection.password: undefined environment variable 'PG_PASSWORD'
      bad-write-mode.yml           | 14:15 | spec.write_mode: unknown write_mode 'upsert'; expected overwrite-delete-stale, overwrite or append
      connection-type-mysql.yml    | 3:11 | cloudquery.connection.type: unsupported connection type 'mysql'; only postgres is supported
      bad-sslmode.yml              | 5:14 | cloudquery.connection.sslmode: unknown sslmode 'disabled' (did you mean 'disable'?)
      dsn-bad-port.yml             | 3:10 | cloudquery.connection.dsn: the port in the connection string must be a number from 1 to 65535
      org-with-accounts.yml        | 7:7  | providers[0].configuration.org: set either org (accounts discovered from AWS Organizations) or accounts (listed by hand), not both
      no-aws-provider.yml          | 8:3  | providers: no aws provider; add an entry with name: aws
      only-other-provider.yml      | 7:3  | providers: no aws provider; add an entry with name: aws
      no-aws-source.yml            | 1:1  | no aws source; add a document with kind: source and path: cloudquery/aws
      undefined-destination.yml    | 7:18 | spec.destinations[0]: destination 'postgres' is not defined in this file (did you mean 'postgresql'?)
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = CASES)
  void reportsTheProblemAtItsLocation(String name, String location, String message) {
    Path file = BAD.resolve(name);
    String prefix = file + ":" + location + ":";
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              ConfigException ce = (ConfigException) e;
              assertThat(ce.getMessage()).startsWith(prefix + " ").contains(message);
              assertThat(ce.getMessage()).doesNotContain("\n");
              assertThat(ce.file).isEqualTo(file.toString());
              assertThat(ce.line + ":" + ce.column).isEqualTo(location);
            });
  }

  @Test
  void everyFileInTheCorpusHasAnExpectation() throws IOException {
    Set<String> expected =
        CASES
            .lines()
            .map(line -> line.split("\\|", -1)[0].trim())
            .filter(name -> !name.isEmpty())
            .collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(BAD)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void keyOfAnErrorIsTheDottedPath() {
    assertThatThrownBy(() -> ConfigLoader.load(BAD.resolve("unknown-account-key.yml"), Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.key()).isEqualTo("providers[0].configuration.accounts[1].role_ar");
              assertThat(e.problem()).isEqualTo("unknown key 'role_ar' (did you mean 'role_arn'?)");
            });
  }

  @Test
  void missingFileIsAConfigException() {
    Path file = BAD.resolve("does-not-exist.yml");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ":1:1: file not found");
  }
}
