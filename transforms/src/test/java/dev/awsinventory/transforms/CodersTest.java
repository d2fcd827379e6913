package dev.awsinventory.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.transforms.fetch.Coders;
import dev.awsinventory.transforms.fetch.FetchTask;
import dev.awsinventory.transforms.model.CallCounts;
import dev.awsinventory.transforms.model.SliceError;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class CodersTest {
  private static final AccountConfig FULL =
      AccountConfig.of(
          "prod",
          "123456789012",
          "arn:aws:iam::123456789012:role/Read",
          "inventory",
          "ext-id-1",
          "ops",
          "eu-west-1",
          List.of("eu-*", "us-east-1"),
          "123456789012",
          null);
  private static final AccountConfig BARE = AccountConfig.defaultChain();
  private static final AccountConfig MEMBER =
      AccountConfig.member(
          "210987654321",
          "member",
          "arn:aws:iam::210987654321:role/Read",
          "inventory",
          "ext-id-2",
          "eu-west-1",
          List.of("eu-west-1"),
          FULL);

  @Test
  void accountsRoundTripWithEveryFieldOrNone() throws Exception {
    assertThat(roundTrip(Coders.account(), FULL)).isEqualTo(FULL).hasToString(FULL.toString());
    assertThat(roundTrip(Coders.account(), BARE)).isEqualTo(BARE);
    assertThat(roundTrip(Coders.account(), MEMBER)).isEqualTo(MEMBER);
    assertThat(roundTrip(Coders.account(), MEMBER).source()).contains(FULL);
    assertThat(roundTrip(Coders.account(), FULL).externalId()).contains("ext-id-1");
  }

  @Test
  void tasksRoundTrip() throws Exception {
    FetchTask task =
        new FetchTask(
            FULL,
            "123456789012",
            "aws",
            "eu-west-1",
            "aws_ec2_images",
            false,
            List.of("aws_ec2_image_launch_permissions"));
    FetchTask wide =
        new FetchTask(BARE, "", "aws-cn", "cn-north-1", "aws_regions", true, List.of());
    assertThat(roundTrip(Coders.task(), task)).isEqualTo(task);
    assertThat(roundTrip(Coders.task(), wide)).isEqualTo(wide);
  }

  @Test
  void outcomesRoundTripOkAndFailed() throws Exception {
    FetchTask task =
        new FetchTask(FULL, "123456789012", "aws", "eu-west-1", "aws_ec2_vpcs", false, List.of());
    SliceOutcome ok =
        SliceOutcome.ok(
            task.sliceKey("aws_ec2_vpcs"),
            FULL.name(),
            new CallCounts(1_000_000L, 1000, 3, 4, 12345));
    SliceOutcome failed =
        SliceOutcome.failed(
            task.sliceKey("aws_ec2_vpcs"),
            FULL.name(),
            CallCounts.NONE.withPages(2).withRetries(1).withDurationMs(7),
            new SliceError("UnauthorizedOperation", "not allowed"));
    SliceOutcome account =
        new SliceOutcome(
            SliceKey.wholeAccount(null), null, SliceOutcome.Status.FAILED, CallCounts.NONE, null);
    assertThat(roundTrip(Coders.outcome(), ok)).isEqualTo(ok);
    assertThat(roundTrip(Coders.outcome(), failed)).isEqualTo(failed);
    assertThat(roundTrip(Coders.outcome(), account)).isEqualTo(account);
  }

  @Test
  void aSkippedOutcomeStaysSkipped() throws Exception {
    SliceOutcome skipped =
        SliceOutcome.skipped(
            SliceKey.regional("aws_ec2_vpcs", "123456789012", "me-south-1"),
            "prod",
            CallCounts.NONE.withDurationMs(3),
            new SliceError("RegionDenied", "denied by a service control policy"));
    assertThat(roundTrip(Coders.outcome(), skipped)).isEqualTo(skipped);
    assertThat(roundTrip(Coders.outcome(), skipped).skipped()).isTrue();
  }

  @Test
  void encodingIsSmallerThanJavaSerialization() throws Exception {
    FetchTask task =
        new FetchTask(FULL, "123456789012", "aws", "eu-west-1", "aws_ec2_vpcs", false, List.of());
    byte[] ours = CoderUtils.encodeToByteArray(Coders.task(), task);
    byte[] java =
        CoderUtils.encodeToByteArray(
            org.apache.beam.sdk.coders.SerializableCoder.of(FetchTask.class), task);
    assertThat(ours.length).isLessThan(java.length / 2);
  }

  private static <T> T roundTrip(Coder<T> coder, T value) throws Exception {
    return CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, value));
  }
}
