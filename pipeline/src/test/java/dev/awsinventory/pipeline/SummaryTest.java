package dev.awsinventory.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.awsinventory.transforms.model.CallCounts;
import dev.awsinventory.transforms.model.SliceError;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The summary JSON is a contract: the Airflow DAG ({@code runners/airflow/aws_inventory_dag.py})
 * pushes it to XCom and prints {@code failed_slices} and {@code error} from it.
 */
class SummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<SliceOutcome> SLICES =
      List.of(
          ok("aws_ec2_instances", "111111111111", "eu-west-1", 3, 2, 1, 0),
          ok("aws_ec2_instances", "111111111111", "us-east-1", 2, 1, 0, 1),
          ok("aws_ec2_vpcs", "111111111111", "eu-west-1", 1, 1, 0, 0),
          SliceOutcome.failed(
              SliceKey.regional("aws_ec2_vpcs", "222222222222", "eu-west-1"),
              "b \"quoted\"",
              CallCounts.NONE.withPages(1).withThrottles(4).withRetries(3).withDurationMs(9),
              new SliceError("Throttling", "Rate exceeded\nagain")),
          SliceOutcome.failed(
              SliceKey.wholeAccount("333333333333"),
              "c",
              CallCounts.NONE,
              new SliceError("AccessDenied", "not allowed")));

  @Test
  void theLayoutIsThePublishedOne() {
    Summary summary = Summary.of("run-1", SLICES, 3, 12.3456);
    assertThat(summary.json())
        .isEqualTo(
            """
        {
          "run_id": "run-1",
          "status": "partial",
          "resources": 6,
          "tables": {"aws_ec2_instances": 5, "aws_ec2_vpcs": 1},
          "accounts": 1,
          "regions": 2,
          "slices_ok": 3,
          "throttles": 5,
          "retries": 4,
          "calls": {"aws_ec2_instances": {"pages": 3, "throttles": 1, "retries": 1}, \
        "aws_ec2_vpcs": {"pages": 2, "throttles": 4, "retries": 3}},
          "seconds": 12.346,
          "unsupported_tables": [],
          "error": null,
          "denied_regions": [],
          "organization_accounts": [],
          "denied_accounts": [],
          "orphans": [],
          "orphans_note": null,
          "failed_slices": [
            {"account": "222222222222", "account_name": "b \\"quoted\\"", "region": "eu-west-1", \
        "table": "aws_ec2_vpcs", "error_code": "Throttling", "error": "Rate exceeded\\nagain"},
            {"account": "333333333333", "account_name": "c", "region": "*", "table": "*", \
        "error_code": "AccessDenied", "error": "not allowed"}
          ]
        }
        """);
  }

  @Test
  void aRunWithoutFailuresHasAnEmptyListAndAFatalOneItsError() {
    assertThat(Summary.of("run-2", SLICES.subList(0, 1), 1, 0.5).json())
        .contains("\"status\": \"ok\"", "\"error\": null,\n", "\"failed_slices\": []\n}\n");
    assertThat(Summary.builder("run-3").fatal("database unreachable").seconds(0).build().json())
        .contains(
            "\"status\": \"failed\"",
            "\"tables\": {}",
            "\"calls\": {}",
            "\"error\": \"database unreachable\"");
  }

  @Test
  void theFieldsTheDagReadsArePresentWithTheirTypes() throws Exception {
    JsonNode json = JSON.readTree(Summary.of("run-1", SLICES, 3, 1).json());

    assertThat(fieldNames(json))
        .containsExactly(
            "run_id",
            "status",
            "resources",
            "tables",
            "accounts",
            "regions",
            "slices_ok",
            "throttles",
            "retries",
            "calls",
            "seconds",
            "unsupported_tables",
            "error",
            "denied_regions",
            "organization_accounts",
            "denied_accounts",
            "orphans",
            "orphans_note",
            "failed_slices");
    assertThat(json.get("run_id").isTextual()).isTrue();
    assertThat(json.get("status").asText()).isIn("ok", "partial", "failed");
    for (String count :
        List.of("resources", "accounts", "regions", "slices_ok", "throttles", "retries")) {
      assertThat(json.get(count).isIntegralNumber()).as(count).isTrue();
    }
    assertThat(json.get("seconds").isNumber()).isTrue();
    assertThat(json.get("tables").get("aws_ec2_instances").asLong()).isEqualTo(5);
    assertThat(json.get("calls").get("aws_ec2_vpcs").get("throttles").asLong()).isEqualTo(4);
    assertThat(json.get("error").isNull()).isTrue();
    JsonNode failed = json.get("failed_slices");
    assertThat(failed.isArray()).isTrue();
    assertThat(failed).hasSize(2);
    for (JsonNode slice : failed) {
      assertThat(fieldNames(slice))
          .containsExactly("account", "account_name", "region", "table", "error_code", "error");
      slice.forEach(value -> assertThat(value.isTextual()).as(slice.toString()).isTrue());
    }
    assertThat(failed.get(0).get("account_name").asText()).isEqualTo("b \"quoted\"");
    assertThat(failed.get(0).get("error").asText()).isEqualTo("Rate exceeded\nagain");
    assertThat(
            JSON.readTree(Summary.builder("run-3").fatal("boom").seconds(0).build().json())
                .get("error")
                .asText())
        .isEqualTo("boom");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  private static SliceOutcome ok(
      String table,
      String account,
      String region,
      long rows,
      long pages,
      long throttles,
      long retries) {
    return SliceOutcome.ok(
        SliceKey.regional(table, account, region),
        "a",
        new CallCounts(rows, pages, throttles, retries, 10));
  }
}
