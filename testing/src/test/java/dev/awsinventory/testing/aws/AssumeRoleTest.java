package dev.awsinventory.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class AssumeRoleTest {

  private static final String SOURCE = "111111111111";
  private static final String TARGET = "222222222222";

  private FakeAws fake;
  private Credentials source;
  private StsClient sts;
  private String role;

  @BeforeEach
  void start() {
    fake = FakeAws.start();
    source = fake.sourceUser(SOURCE);
    role = fake.account(TARGET).role("InventoryRead", SOURCE);
    sts = Clients.sts(fake, source);
  }

  @AfterEach
  void stop() {
    sts.close();
    fake.close();
  }

  private static String errorCode(Throwable e) {
    return ((AwsServiceException) e).awsErrorDetails().errorCode();
  }

  @Test
  void trustedCallerGetsCredentialsOfTheRoleAccount() {
    AssumeRoleResponse response =
        sts.assumeRole(r -> r.roleArn(role).roleSessionName("aws-inventory").durationSeconds(1800));
    assertThat(response.credentials().accessKeyId()).startsWith("ASIA");
    assertThat(response.credentials().sessionToken()).isNotBlank();
    assertThat(response.credentials().expiration())
        .isAfter(java.time.Instant.now().plusSeconds(1700));
    assertThat(response.assumedRoleUser().arn())
        .isEqualTo("arn:aws:sts::" + TARGET + ":assumed-role/InventoryRead/aws-inventory");

    try (StsClient asRole =
        Clients.sts(
            fake,
            new Credentials(
                response.credentials().accessKeyId(),
                response.credentials().secretAccessKey(),
                response.credentials().sessionToken()))) {
      GetCallerIdentityResponse identity = asRole.getCallerIdentity();
      assertThat(identity.account()).isEqualTo(TARGET);
      assertThat(identity.arn()).isEqualTo(response.assumedRoleUser().arn());
      assertThat(identity.userId()).endsWith(":aws-inventory");
    }
    assertThat(fake.assumeRoleCalls())
        .containsExactly(new AssumeRoleCall(role, "aws-inventory", null, 1800, SOURCE, true));
  }

  @Test
  void sourceUserIdentity() {
    GetCallerIdentityResponse identity = sts.getCallerIdentity();
    assertThat(identity.account()).isEqualTo(SOURCE);
    assertThat(identity.arn()).startsWith("arn:aws:iam::" + SOURCE + ":user/");
    assertThat(fake.calls(SOURCE, "us-east-1", "GetCallerIdentity")).isEqualTo(1);
  }

  @Test
  void untrustedOrMissingRoleIsDenied() {
    String other = fake.account("333333333333").role("InventoryRead", "444444444444");
    assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(other).roleSessionName("s1")))
        .isInstanceOf(StsException.class)
        .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDenied"))
        .satisfies(e -> assertThat(((StsException) e).statusCode()).isEqualTo(403));
    assertThatThrownBy(
            () ->
                sts.assumeRole(
                    r -> r.roleArn("arn:aws:iam::" + TARGET + ":role/Nope").roleSessionName("s2")))
        .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDenied"));
    assertThat(fake.assumeRoleCalls())
        .extracting(AssumeRoleCall::granted)
        .containsExactly(false, false);
  }

  @Test
  void externalIdIsEnforcedAndRecorded() {
    fake.requireExternalId(role, "secret-ext");
    assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("no-ext")))
        .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDenied"));
    assertThatThrownBy(
            () -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("bad").externalId("wrong")))
        .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDenied"));
    sts.assumeRole(r -> r.roleArn(role).roleSessionName("good").externalId("secret-ext"));
    assertThat(fake.assumeRoleCalls())
        .extracting(
            AssumeRoleCall::sessionName, AssumeRoleCall::externalId, AssumeRoleCall::granted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("no-ext", null, false),
            org.assertj.core.groups.Tuple.tuple("bad", "wrong", false),
            org.assertj.core.groups.Tuple.tuple("good", "secret-ext", true));
  }

  @Test
  void denyAndAllow() {
    fake.denyAssumeRole(role);
    assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("s1")))
        .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDenied"));
    fake.allowAssumeRole(role);
    assertThat(sts.assumeRole(r -> r.roleArn(role).roleSessionName("s1")).credentials())
        .isNotNull();
  }

  @Test
  void invalidSessionNameAndDurationAreValidationErrors() {
    assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("has space")))
        .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationError"));
    assertThatThrownBy(
            () -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("s1").durationSeconds(7200)))
        .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationError"));
    fake.maxSessionDuration(role, java.time.Duration.ofHours(12));
    assertThat(sts.assumeRole(r -> r.roleArn(role).roleSessionName("s1").durationSeconds(7200)))
        .isNotNull();
  }

  @Test
  void providerAssumesTheRoleForEc2Calls() {
    AwsCredentialsProvider provider = Clients.assume(sts, role, "ec2-session");
    try (Ec2Client ec2 = Clients.ec2(fake, provider, "us-east-1")) {
      ec2.describeVpcs();
    }
    assertThat(fake.calls(TARGET, "us-east-1", "DescribeVpcs")).isEqualTo(1);
    assertThat(fake.assumeRoleCalls())
        .extracting(AssumeRoleCall::sessionName)
        .containsExactly("ec2-session");
  }

  @Test
  void madeUpKeysAreRejected() {
    Credentials madeUp = new Credentials("AKIAMADEUPMADEUP1234", "x".repeat(40), null);
    try (Ec2Client ec2 = Clients.ec2NoRetry(fake, Clients.staticProvider(madeUp), "us-east-1");
        StsClient otherSts = Clients.sts(fake, madeUp)) {
      assertThatThrownBy(ec2::describeVpcs)
          .isInstanceOf(Ec2Exception.class)
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AuthFailure"))
          .satisfies(e -> assertThat(((Ec2Exception) e).statusCode()).isEqualTo(401));
      assertThatThrownBy(otherSts::getCallerIdentity)
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidClientTokenId"));
    }
  }

  @Test
  void wrongSecretFailsTheSignatureCheck() {
    Credentials wrongSecret =
        new Credentials(source.accessKeyId(), source.secretAccessKey() + "x", null);
    try (Ec2Client ec2 =
            Clients.ec2NoRetry(fake, Clients.staticProvider(wrongSecret), "us-east-1");
        StsClient otherSts = Clients.sts(fake, wrongSecret)) {
      assertThatThrownBy(ec2::describeVpcs)
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("SignatureDoesNotMatch"));
      assertThatThrownBy(otherSts::getCallerIdentity)
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("SignatureDoesNotMatch"));
    }
  }

  @Test
  void temporaryKeysNeedTheirSessionToken() {
    var issued = sts.assumeRole(r -> r.roleArn(role).roleSessionName("s1")).credentials();
    Credentials noToken = new Credentials(issued.accessKeyId(), issued.secretAccessKey(), null);
    Credentials otherToken =
        new Credentials(issued.accessKeyId(), issued.secretAccessKey(), "forged");
    for (Credentials bad : new Credentials[] {noToken, otherToken}) {
      try (Ec2Client ec2 = Clients.ec2NoRetry(fake, Clients.staticProvider(bad), "us-east-1")) {
        assertThatThrownBy(ec2::describeVpcs)
            .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AuthFailure"));
      }
    }
  }
}
