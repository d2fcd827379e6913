package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.aws.FakeRegion;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.transforms.model.Column;
import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Scope;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table, through the whole pipeline: the fake serves fully populated model objects in two
 * pages (3 items, page size 2), and PostgreSQL ends with one row per resource, every column filled,
 * tags a JSON object and nested values jsonb.
 */
class TableFetchTest {
  private static final String TARGET = "444444444444";
  private static final String REGION = "eu-west-1";

  /**
   * The account's default_region: not set in the config below, so it is the first configured region
   * (the config's rule); per-account tables are listed there.
   */
  private static final String DEFAULT_REGION = REGION;

  private static final int ITEMS = 3;

  /** Columns derived from text in a particular format that generated values do not follow. */
  private static final Set<String> DERIVED =
      Set.of(
          "aws_ec2_instances.state_transition_reason_time",
          // AWS gives these as ISO 8601 text, parsed to timestamptz; generated text is not a date
          "aws_ec2_images.creation_date",
          "aws_ec2_images.deprecation_time",
          "aws_ec2_image_last_launched_times.last_launched_time");

  private static FakeAws aws;
  private static TestDatabase pg;
  private static Credentials source;
  private static String role;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    aws = FakeAws.start();
    pg = TestDatabase.start();
    source = aws.sourceUser(InventoryRun.SOURCE);
    role = aws.account(TARGET).role("InventoryRead", InventoryRun.SOURCE);
    aws.account(TARGET).regions("us-east-1", REGION);
  }

  @AfterAll
  static void stop() throws Exception {
    aws.close();
    pg.close();
  }

  static Stream<String> tables() {
    // organization tables come from account discovery (OrganizationsEndToEndTest)
    return TableRegistry.all().stream()
        .filter(t -> t.scope() != Scope.ORGANIZATION)
        .map(Table::name);
  }

  @ParameterizedTest
  @MethodSource("tables")
  void fetchesEveryColumnOfFullyPopulatedResources(String name) throws Exception {
    Table<?> table = TableRegistry.get(name);
    FakeRegion region =
        aws.account(TARGET).region(table.scope() == Scope.ACCOUNT ? DEFAULT_REGION : REGION);
    for (Table<?> t = table; t != null; t = t.parent()) {
      if (!t.name().equals("aws_regions")) {
        for (String action : t.apiCalls()) {
          region.fill(action, ITEMS, (t.name() + action).hashCode());
        }
      }
    }
    String url = pg.newDatabase();
    int code = run(url, name);
    assertThat(code).isEqualTo(0);

    List<Map<String, Object>> rows = TestDatabase.query(url, "SELECT * FROM " + name);
    // A child has at least one row; so has a table listed by an action without a result list
    // (such as GetEbsEncryptionByDefault): one whole response is one row.
    int expected =
        name.equals("aws_regions")
            ? aws.account(TARGET).enabledRegions().size()
            : table.parent() == null && region.listed(table.apiCall()) > 0 ? ITEMS : 1;
    assertThat(rows).as(name).hasSizeGreaterThanOrEqualTo(expected);
    for (Map<String, Object> row : rows) {
      row.forEach(
          (column, value) -> {
            boolean mayBeNull =
                (column.equals("_cq_parent_id") && table.parent() == null)
                    || DERIVED.contains(name + "." + column);
            if (!mayBeNull) {
              assertThat(value).as("%s.%s", name, column).isNotNull();
            }
          });
    }
    for (Column c : table.columns()) {
      if (c.name().equals("tags")) {
        assertThat(
                TestDatabase.count(
                    url, "SELECT count(*) FROM " + name + " WHERE jsonb_typeof(tags) <> 'object'"))
            .as("%s.tags is a JSON object", name)
            .isZero();
      } else if (c.type() == ColumnType.JSONB) {
        assertThat(
                TestDatabase.count(
                    url,
                    "SELECT count(*) FROM "
                        + name
                        + " WHERE jsonb_typeof(\""
                        + c.name()
                        + "\") NOT IN ('object', 'array')"))
            .as("%s.%s is nested jsonb", name, c.name())
            .isZero();
      }
    }
  }

  private static int run(String url, String table) throws Exception {
    Path config = InventoryRun.config(dir, aws, role, url, List.of(table), List.of(REGION), "");
    InventoryRun.Result r = InventoryRun.run(source, "--config=" + config, "--page-size=2");
    assertThat(r.code()).as(r.output()).isEqualTo(0);
    return r.code();
  }
}
