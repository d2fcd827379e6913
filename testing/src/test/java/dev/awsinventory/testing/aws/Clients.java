package dev.awsinventory.testing.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/** Real SDK clients pointed at a {@link FakeAws}. */
final class Clients {

  static final SdkHttpClient HTTP = Apache5HttpClient.builder().maxConnections(200).build();

  private Clients() {}

  static AwsCredentialsProvider staticProvider(Credentials c) {
    return StaticCredentialsProvider.create(
        c.sessionToken() == null
            ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
            : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
  }

  static StsClient sts(FakeAws fake, Credentials source) {
    return StsClient.builder()
        .endpointOverride(fake.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(staticProvider(source))
        .httpClient(HTTP)
        .build();
  }

  static StsAssumeRoleCredentialsProvider assume(
      StsClient sts, String roleArn, String sessionName) {
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(sessionName))
        .build();
  }

  static Ec2Client ec2(FakeAws fake, AwsCredentialsProvider credentials, String region) {
    return Ec2Client.builder()
        .endpointOverride(fake.endpoint())
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClient(HTTP)
        .build();
  }

  static Ec2Client ec2NoRetry(FakeAws fake, AwsCredentialsProvider credentials, String region) {
    return Ec2Client.builder()
        .endpointOverride(fake.endpoint())
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClient(HTTP)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
