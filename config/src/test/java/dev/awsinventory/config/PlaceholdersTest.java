package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ${NAME} and ${file:PATH} expanded in the text before YAML parsing, as CloudQuery does. */
class PlaceholdersTest {
  private static final String SECRET = "Zq7-hunter2-secret";

  @TempDir Path dir;

  @Test
  void aVariableMayHoldAListOrAMap() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        kind: source
        spec:
          name: aws
          path: cloudquery/aws
          tables: ${TABLES}
          spec: ${AWS_SPEC}
        """,
            Map.of(
                "TABLES",
                "[aws_ec2_instances, aws_ec2_vpcs]",
                "AWS_SPEC",
                "{regions: [eu-west-1], accounts: [{id: '111111111111'}, {id: '222222222222'}]}"));
    assertThat(config.tables().stream().map(Located::value))
        .containsExactly("aws_ec2_instances", "aws_ec2_vpcs");
    assertThat(config.regions()).containsExactly("eu-west-1");
    assertThat(config.accounts().stream().map(AccountConfig::name))
        .containsExactly("111111111111", "222222222222");
  }

  @Test
  void aBlockListFromAVariableKeepsLaterLinesLocated() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              regions: ${REGIONS}
              max_retries: -1
        """,
            Map.of("REGIONS", "\n        - eu-west-1\n        - us-east-1\n"));
    assertThat(e.line() + ":" + e.column()).isEqualTo("5:20");
    assertThat(e.key()).isEqualTo("providers[0].configuration.max_retries");
  }

  @Test
  void anErrorInsideAValueIsReportedAtThePlaceholder() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts: ${ACCOUNTS}
        """,
            Map.of("ACCOUNTS", "[{id: '111111111111'},\n {id: '1234'}]"));
    assertThat(e.line() + ":" + e.column()).isEqualTo("4:17");
    assertThat(e.key()).isEqualTo("providers[0].configuration.accounts[1].id");
    assertThat(e.problem()).contains("an AWS account id has 12 digits");
  }

  @Test
  void fileReadsRelativeToTheConfigFolder() throws Exception {
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/pg.txt"), SECRET + "\n");
    Files.writeString(dir.resolve("accounts.yml"), "[{account_name: prod, id: '111111111111'}]\n");
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        cloudquery:
          connection:
            type: postgres
            host: db
            database: inventory
            username: app
            password: ${file:secrets/pg.txt}
        providers:
          - name: aws
            configuration:
              accounts: ${file:./accounts.yml}
        """);
    assertThat(config.database().orElseThrow().password()).contains(SECRET);
    assertThat(config.accounts()).extracting(AccountConfig::name).containsExactly("prod");
    assertThat(config.toString()).doesNotContain(SECRET);
  }

  @Test
  void aMissingFileIsReportedAtItsPlaceholder() throws Exception {
    ConfigException e =
        TempConfig.error(
            dir,
            """
        cloudquery:
          connection:
            password: "pre-${file:nope.txt}"
        providers:
          - name: aws
        """);
    assertThat(e.line() + ":" + e.column()).isEqualTo("3:20");
    assertThat(e.key()).isEqualTo("cloudquery.connection.password");
    assertThat(e.problem()).startsWith("file not found: ").endsWith("nope.txt");
  }

  /** The file as expanded does not parse, so the key path comes from the file's own structure. */
  @Test
  void anIncludedFileThatBreaksTheYamlIsNamedUnderItsFullKeyPath() throws Exception {
    Files.writeString(dir.resolve("accounts.yml"), "- id: \"111111111111\"\n- [broken");
    ConfigException e =
        TempConfig.error(
            dir,
            """
        cloudquery:
          connection:
            password: pw
        providers:
          - name: aws
            configuration:
              accounts: ${file:accounts.yml}
        """);
    assertThat(e.line() + ":" + e.column()).isEqualTo("7:17");
    assertThat(e.key()).isEqualTo("providers[0].configuration.accounts");
    assertThat(e.problem())
        .startsWith("malformed YAML: the value of ${file:accounts.yml} holds characters");
  }

  @Test
  void placeholdersInCommentsAreIgnored() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        # regions come from ${UNDEFINED_ONE}
        providers:
          - name: aws   # ${UNDEFINED_TWO}
            configuration:
              #  accounts: ${UNDEFINED_THREE}
              regions: ["${REGION}"] # or ${UNDEFINED_FOUR}
              accounts:
                - account_name: "a#${SUFFIX}"
                  id: '111111111111' # ${UNDEFINED_FIVE}
        """,
            Map.of("REGION", "eu-north-1", "SUFFIX", "1"));
    assertThat(config.regions()).containsExactly("eu-north-1");
    assertThat(config.accounts().get(0).name()).isEqualTo("a#1");
  }

  @Test
  void secretsStayOutOfMessages() throws Exception {
    ConfigException badExternalId =
        TempConfig.error(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - role_arn: ${ROLE}
        """,
            Map.of("ROLE", "arn:aws:iam::" + SECRET));
    assertThat(badExternalId.getMessage())
        .doesNotContain(SECRET)
        .contains("malformed role ARN '<value of ${ROLE}>'")
        .contains(":5:21:");

    ConfigException breaksYaml =
        TempConfig.error(
            dir,
            """
        cloudquery:
          connection:
            password: ${PW}
        providers:
          - name: aws
        """,
            Map.of("PW", SECRET + ": [x"));
    assertThat(breaksYaml.getMessage())
        .doesNotContain(SECRET)
        .contains("malformed YAML")
        .contains(":3:15:");

    Files.writeString(dir.resolve("port.txt"), SECRET);
    ConfigException fromFile =
        TempConfig.error(
            dir,
            """
        cloudquery:
          connection:
            port: ${file:port.txt}
        providers:
          - name: aws
        """);
    assertThat(fromFile.getMessage())
        .doesNotContain(SECRET)
        .endsWith(
            ":3:11: cloudquery.connection.port: expected a whole number, got '<value of ${file:port.txt}>'");
  }

  /** Values that the quoted-part masking missed: an apostrophe inside, or one of 1-2 characters. */
  @Test
  void valuesWithQuotesOrOfFewCharactersAreMaskedToo() throws Exception {
    Files.writeString(dir.resolve("q.txt"), "Pw'Secret'zz9");
    ConfigException quoted =
        TempConfig.error(
            dir,
            """
        cloudquery:
          connection:
            port: ${file:q.txt}
        providers:
          - name: aws
        """);
    assertThat(quoted.getMessage())
        .doesNotContain("Secret")
        .doesNotContain("zz9")
        .endsWith(
            ":3:11: cloudquery.connection.port: expected a whole number, got '<value of ${file:q.txt}>'");

    ConfigException shortValue =
        TempConfig.error(
            dir,
            """
        cloudquery:
          connection:
            port: ${P}
        providers:
          - name: aws
        """,
            Map.of("P", "xy"));
    assertThat(shortValue.getMessage())
        .endsWith(
            ":3:11: cloudquery.connection.port: expected a whole number, got '<value of ${P}>'");
  }

  /** A value of 1-2 characters that is part of a longer text is masked with the whole text. */
  @Test
  void aShortValueInsideALongerTextIsMaskedWithIt() throws Exception {
    String yaml =
        """
        providers:
          - name: aws
            configuration:
              max_retries: %s
        """;
    ConfigException inText = TempConfig.error(dir, yaml.formatted("x${PW}"), Map.of("PW", "3"));
    assertThat(inText.getMessage())
        .doesNotContain("x3")
        .endsWith(
            ":4:20: providers[0].configuration.max_retries: expected a whole number, got '<a text"
                + " holding ${PW}>'");

    Files.writeString(dir.resolve("mr.txt"), "7\n");
    ConfigException twoInserts =
        TempConfig.error(dir, yaml.formatted("${file:mr.txt}${PW}"), Map.of("PW", "3q"));
    assertThat(twoInserts.getMessage())
        .doesNotContain("73q")
        .doesNotContain("'7")
        .endsWith("got '<a text holding ${file:mr.txt}, ${PW}>'");
  }

  /** A value out of range is shown quoted, so that a short one is masked like any other. */
  @Test
  void aValueOutOfRangeIsMaskedToo() throws Exception {
    for (String p : List.of("-1", "0", "70000")) {
      ConfigException e =
          TempConfig.error(
              dir,
              """
        cloudquery:
          connection:
            port: ${P}
        providers:
          - name: aws
        """,
              Map.of("P", p));
      assertThat(e.getMessage()).as(p).endsWith("got '<value of ${P}>'");
    }
  }

  /**
   * The kind: a value that YAML reads as syntax, because placeholders are expanded before parsing.
   * Where parsing fails, the parser's message would quote the value; where it does not, part of the
   * value is silently dropped. Both are named at the placeholder, the value never shown.
   */
  @Test
  void aValueThatYamlReadsAsSyntaxIsNamedAtItsPlaceholderAndNeverShown() throws Exception {
    String yaml =
        """
        cloudquery:
          connection:
            password: %s
            port: 5433
        providers:
          - name: aws
        """;
    Map<String, String> broken =
        Map.of(
            "*PwSecr3t", "${PW}",
            "!!PwSecr3t x", "${PW}",
            "Sec\\ZZr3t", "\"${PW}\"",
            "Sec\"r3t: x", "\"${PW}\"",
            "PwSecr3t: [x", "${PW}",
            "PwSecr3t\"", "\"${PW}\"",
            "PwSecr3t\n", "x${PW}y");
    for (Map.Entry<String, String> c : broken.entrySet()) {
      ConfigException e =
          TempConfig.error(dir, yaml.formatted(c.getValue()), Map.of("PW", c.getKey()));
      assertThat(e.getMessage())
          .as(c.getKey())
          .doesNotContain("Secr3t")
          .doesNotContain("r3t")
          .contains(
              ":3:"
                  + (c.getValue().startsWith("${") ? "15" : "16")
                  + ": cloudquery.connection.password: malformed YAML:"
                  + " the value of ${PW} holds characters that YAML reads as syntax here; put the"
                  + " placeholder in quotes");
    }

    for (String dropped : List.of("pw #Secr3t", "#Secr3t", "&Secr3t pw", "!Secr3t pw")) {
      ConfigException e = TempConfig.error(dir, yaml.formatted("${PW}"), Map.of("PW", dropped));
      assertThat(e.getMessage())
          .as(dropped)
          .doesNotContain("Secr3t")
          .contains(
              ":3:15: cloudquery.connection.password: the value of ${PW} is not read whole: YAML"
                  + " takes a '#' at its start or after a blank as a comment");
    }

    InventoryConfig quoted =
        TempConfig.load(dir, yaml.formatted("\"${PW}\""), Map.of("PW", "&pw #Secr3t"));
    assertThat(quoted.database().orElseThrow().password()).contains("&pw #Secr3t");
  }

  /**
   * The same kind, where the value parses but YAML's rules change it: escapes and doubled quotes
   * inside quotes, folded line breaks, trimmed blanks, a lone block indicator or null word. Each is
   * an error at its placeholder; values that YAML keeps as written still load.
   */
  @Test
  void aValueThatYamlWouldChangeIsAnErrorAndOneItKeepsLoads() throws Exception {
    String yaml =
        """
        cloudquery:
          connection:
            password: %s
        providers:
          - name: aws
        """;
    Map<String, String> changed = new java.util.LinkedHashMap<>();
    changed.put("Pw\\\"x", "\"${PW}\"");
    changed.put("Pw\\tx", "\"${PW}\"");
    changed.put("Pw\nx", "'${PW}'");
    changed.put("Pw''x", "'${PW}'");
    changed.put("|", "${PW}");
    changed.put(">", "${PW}");
    changed.put("~", "${PW}");
    changed.put("null", "${PW}");
    changed.put(" Pw9", "${PW}");
    changed.put("Pw9 ", "${PW}");
    for (Map.Entry<String, String> c : changed.entrySet()) {
      ConfigException e =
          TempConfig.error(dir, yaml.formatted(c.getValue()), Map.of("PW", c.getKey()));
      assertThat(e.getMessage())
          .as(c.getKey())
          .contains(
              ": cloudquery.connection.password: YAML reads the value of ${PW} as another value"
                  + " here");
    }

    Map<String, String> kept = new java.util.LinkedHashMap<>();
    kept.put("x#Pwy", "x${PW}y=#Pw");
    kept.put("x&Pwy", "x${PW}y=&Pw");
    kept.put("Pw9", "${PW}=Pw9\n");
    kept.put("Pw\\x", "'${PW}'=Pw\\x");
    kept.put("Pw'x", "\"${PW}\"=Pw'x");
    for (Map.Entry<String, String> c : kept.entrySet()) {
      String[] formAndValue = c.getValue().split("=", 2);
      InventoryConfig config =
          TempConfig.load(dir, yaml.formatted(formAndValue[0]), Map.of("PW", formAndValue[1]));
      assertThat(config.database().orElseThrow().password()).as(c.getValue()).contains(c.getKey());
    }
  }

  @Test
  void valuesAreNotExpandedTwice() throws Exception {
    InventoryConfig config =
        TempConfig.load(
            dir,
            """
        providers:
          - name: aws
            configuration:
              accounts:
                - account_name: ${NAME}
        """,
            Map.of("NAME", "x${NOT_A_VARIABLE}"));
    assertThat(config.accounts())
        .extracting(AccountConfig::name)
        .isEqualTo(List.of("x${NOT_A_VARIABLE}"));
  }
}
