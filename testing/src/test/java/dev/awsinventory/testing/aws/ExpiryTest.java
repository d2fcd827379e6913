package dev.awsinventory.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

class ExpiryTest {

  @Test
  void expiredCredentialsFailUnlessTheProviderRefreshes() throws Exception {
    try (FakeAws fake = FakeAws.start()) {
      Credentials source = fake.sourceUser("111111111111");
      String role = fake.account("222222222222").role("InventoryRead", "111111111111");
      fake.credentialLifetime(Duration.ofSeconds(2));
      try (StsClient sts = Clients.sts(fake, source)) {
        var issued = sts.assumeRole(r -> r.roleArn(role).roleSessionName("once")).credentials();
        assertThat(issued.expiration()).isBefore(java.time.Instant.now().plusSeconds(3));
        Credentials once =
            new Credentials(issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken());
        StsAssumeRoleCredentialsProvider refreshing = Clients.assume(sts, role, "refreshing");
        try (Ec2Client fixed = Clients.ec2NoRetry(fake, Clients.staticProvider(once), "us-east-1");
            Ec2Client renewed = Clients.ec2(fake, refreshing, "us-east-1");
            StsClient expiredSts = Clients.sts(fake, once)) {
          fixed.describeVpcs();
          renewed.describeVpcs();
          Thread.sleep(3000);
          assertThatThrownBy(fixed::describeVpcs)
              .satisfies(
                  e ->
                      assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
                          .isEqualTo("RequestExpired"));
          assertThatThrownBy(expiredSts::getCallerIdentity)
              .satisfies(
                  e ->
                      assertThat(((AwsServiceException) e).awsErrorDetails().errorCode())
                          .isEqualTo("ExpiredToken"));
          renewed.describeVpcs();
          assertThat(fake.calls("222222222222", "us-east-1", "DescribeVpcs")).isEqualTo(3);
        }
        refreshing.close();
      }
    }
  }
}
