package dev.awsinventory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The declared keys: read as declared, and the README's option table generated from them. */
class ConfigKeysTest {
  private static final Path README = Path.of("../README.md");

  @TempDir Path dir;

  private static final String DESTINATION =
      """
      kind: source
      spec: {name: aws, path: cloudquery/aws, tables: ["*"]}
      ---
      kind: destination
      spec:
        name: postgresql
        path: cloudquery/postgresql
      %s
        spec:
          connection_string: postgresql://localhost/cq
      """;

  @Test
  void sendSyncSummaryAndPkModeAreRead() throws Exception {
    InventoryConfig defaults = TempConfig.load(dir, DESTINATION.formatted(""));
    assertThat(defaults.sendSyncSummary()).isFalse();
    assertThat(defaults.pkMode()).isEqualTo(PkMode.DEFAULT);
    InventoryConfig set =
        TempConfig.load(
            dir, DESTINATION.formatted("  send_sync_summary: true\n  pk_mode: cq-id-only"));
    assertThat(set.sendSyncSummary()).isTrue();
    assertThat(set.pkMode()).isEqualTo(PkMode.CQ_ID_ONLY);
    assertThat(set.toString()).contains("pkMode=cq-id-only").contains("sendSyncSummary=true");
  }

  @Test
  void declaredTypesAndValuesAreChecked() throws Exception {
    assertThat(TempConfig.error(dir, DESTINATION.formatted("  pk_mode: cq_id_only")).getMessage())
        .endsWith(
            ":8:12: spec.pk_mode: unknown pk_mode 'cq_id_only'; expected default or cq-id-only");
    assertThat(
            TempConfig.error(dir, DESTINATION.formatted("  send_sync_summary: maybe")).getMessage())
        .endsWith(":8:22: spec.send_sync_summary: expected true or false, got 'maybe'");
    assertThat(TempConfig.error(dir, DESTINATION.formatted("  batch_size: [1]")).getMessage())
        .endsWith(":8:15: spec.batch_size: expected a whole number, got a list");
    assertThat(
            TempConfig.error(
                    dir,
                    """
        providers:
          - name: aws
            configuration:
              use_paid_apis: {a: b}
        """)
                .getMessage())
        .endsWith(
            ":4:22: providers[0].configuration.use_paid_apis: expected true or false, got a map");
  }

  @Test
  void everyBlockDeclaresEachKeyOnceWithADescription() {
    for (ConfigBlock block : ConfigBlock.ALL) {
      Set<String> names = new HashSet<>();
      for (ConfigKey k : block.keys()) {
        assertThat(names.add(k.name())).as("%s.%s declared once", block.where(), k.name()).isTrue();
        assertThat(k.description())
            .as("%s.%s", block.where(), k.name())
            .isNotBlank()
            .doesNotContain("\n");
        assertThat(k.name()).matches("[a-z_]+");
      }
    }
    assertThat(ConfigBlock.DESTINATION.key("send_sync_summary").orElseThrow())
        .extracting(ConfigKey::type, ConfigKey::defaultValue, ConfigKey::use)
        .containsExactly(ConfigKey.Type.BOOLEAN, "false", ConfigKey.Use.USED);
    assertThat(ConfigBlock.DESTINATION.key("pk_mode").orElseThrow().values())
        .containsExactly("default", "cq-id-only");
  }

  @Test
  void readingAnUndeclaredKeyIsADefect() throws Exception {
    YamlMap m =
        ConfigBlock.ORG_ACCOUNT.check(
            YamlParser.documents(TempConfig.write(dir, "local_profile: x\n"), java.util.Map.of())
                .get(0));
    assertThat(m.declares("id")).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.get("id"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not declared");
  }

  @Test
  void everyDeclaredDefaultIsAValueOfItsType() {
    for (ConfigBlock block : ConfigBlock.ALL) {
      for (ConfigKey k : block.keys()) {
        String value = k.fixedDefault();
        if (value == null) {
          continue;
        }
        String where = block.where() + "." + k.name() + " default '" + value + "'";
        switch (k.type()) {
          case INTEGER -> assertThat(k.intDefault()).as(where).isEqualTo(Integer.parseInt(value));
          case BOOLEAN -> assertThat(value).as(where).isIn("true", "false");
          case ENUM -> assertThat(k.values()).as(where).contains(value);
          case STRING, STRINGS -> assertThat(value).as(where).isNotBlank();
          default -> throw new AssertionError(where + ": a " + k.type() + " key declares a value");
        }
      }
    }
  }

  @Test
  void absentKeysTakeTheirDeclaredDefaults() throws Exception {
    InventoryConfig current =
        TempConfig.load(
            dir,
            """
        kind: source
        spec:
          path: cloudquery/aws
          spec: {concurrency: 0, initialization_concurrency: 0}
        ---
        kind: destination
        spec: {name: pg, path: cloudquery/postgresql, spec: {connection_string: "host=db"}}
        """);
    assertThat(current.sourceName()).isEqualTo("aws");
    assertThat(current.tables()).extracting(Located::value).containsExactly("*");
    assertThat(current.skipTables()).isEmpty();
    assertThat(current.maxRetries()).isEqualTo(10);
    assertThat(current.maxBackoffSeconds()).isEqualTo(30);
    assertThat(current.skipDeniedRegions()).isFalse();
    assertThat(current.writeMode()).isEqualTo(WriteMode.OVERWRITE_DELETE_STALE);
    assertThat(current.pkMode()).isEqualTo(PkMode.DEFAULT);

    InventoryConfig legacy =
        TempConfig.load(
            dir,
            """
        cloudquery:
          connection: {host: db.example}
        providers:
          - name: aws
        """);
    assertThat(legacy.tables()).extracting(Located::value).containsExactly("*");
    assertThat(legacy.maxRetries()).isEqualTo(10);
    DatabaseConfig db = legacy.database().orElseThrow();
    assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/postgres");
    assertThat(db.user()).isEqualTo("postgres");
    assertThat(db.password()).isEmpty();
  }

  @Test
  void readingAnIgnoredKeyOrAsAnotherTypeIsADefect() throws Exception {
    YamlMap m =
        ConfigBlock.AWS.check(
            YamlParser.documents(
                    TempConfig.write(dir, "aws_debug: true\nmax_retries: 3\n"), java.util.Map.of())
                .get(0));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.get("aws_debug"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("accepted, ignored");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.text("max_retries"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("declared integer");
    assertThat(m.number("max_retries", 0)).isEqualTo(3);
    assertThat(m.number("max_backoff", 0)).isEqualTo(30);
  }

  @Test
  void theReadmeOptionTableIsCurrent() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int begin = readme.indexOf(ConfigDocs.BEGIN);
    int end = readme.indexOf(ConfigDocs.END);
    assertThat(begin).as("README.md has the generated option table markers").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String committed = readme.substring(begin + ConfigDocs.BEGIN.length(), end);
    String generated = ConfigDocs.markdown() + "\n";
    if (Boolean.getBoolean("updateDocs")) {
      Files.writeString(
          README,
          readme.substring(0, begin + ConfigDocs.BEGIN.length())
              + generated
              + readme.substring(end),
          StandardCharsets.UTF_8);
      committed = generated;
    }
    assertThat(committed)
        .as(
            "README.md's option table is out of date: regenerate it with "
                + "mvn -B -pl config test -Dtest=ConfigKeysTest -DupdateDocs=true")
        .isEqualTo(generated);
  }
}
