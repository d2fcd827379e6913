package dev.awsinventory.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The raw protocol, with requests signed by the SDK's own SigV4 signer and sent by java.net.http.
 */
class WireTest {

  private static final String ACCOUNT = "111111111111";

  private static FakeAws fake;
  private static Credentials user;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    fake = FakeAws.start();
    user = fake.sourceUser(ACCOUNT);
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  private static HttpResponse<String> post(String service, String form, String secret)
      throws Exception {
    URI uri = fake.endpoint().resolve("/");
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .build();
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(AwsCredentialsIdentity.create(user.accessKeyId(), secret))
                        .request(request)
                        .payload(() -> new java.io.ByteArrayInputStream(body))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    HttpRequest.Builder http =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signed
        .request()
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> http.header(name, v));
              }
            });
    return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void ec2ResponseShape() throws Exception {
    HttpResponse<String> response =
        post("ec2", "Action=DescribeVpcs&Version=2016-11-15", user.secretAccessKey());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains(
            "<DescribeVpcsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>");
  }

  @Test
  void stsResponseShape() throws Exception {
    HttpResponse<String> response =
        post("sts", "Action=GetCallerIdentity&Version=2011-06-15", user.secretAccessKey());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .startsWith(
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/"
                + "2011-06-15/\"><GetCallerIdentityResult>")
        .contains("<Account>" + ACCOUNT + "</Account>")
        .contains("<ResponseMetadata><RequestId>");
  }

  @Test
  void unknownActionIsInvalidAction() throws Exception {
    HttpResponse<String> response =
        post("ec2", "Action=DescribeUnicorns&Version=2016-11-15", user.secretAccessKey());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("<Response><Errors><Error><Code>InvalidAction</Code>")
        .contains("<RequestID>");
  }

  @Test
  void badPageTokenIsRejected() throws Exception {
    fake.account(ACCOUNT)
        .region("us-east-1")
        .put("DescribeInstances", List.of(ModelFiller.filled(Reservation.class, 1)));
    HttpResponse<String> response =
        post(
            "ec2",
            "Action=DescribeInstances&Version=2016-11-15&NextToken=bogus",
            user.secretAccessKey());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidPaginationToken</Code>");
  }

  @Test
  void unsignedAndMissignedRequestsAreRejected() throws Exception {
    HttpResponse<String> unsigned =
        HTTP.send(
            HttpRequest.newBuilder(fake.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "Action=GetCallerIdentity&Version=2011-06-15"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body())
        .contains("<ErrorResponse")
        .contains("<Type>Sender</Type>")
        .contains("<Code>MissingAuthenticationToken</Code>");
    HttpResponse<String> missigned =
        post("sts", "Action=GetCallerIdentity&Version=2011-06-15", "wrong");
    assertThat(missigned.statusCode()).isEqualTo(403);
    assertThat(missigned.body()).contains("<Code>SignatureDoesNotMatch</Code>");
  }

  @Test
  void concurrentClientsAreServed() throws Exception {
    fake.account(ACCOUNT)
        .region("us-west-2")
        .put(
            "DescribeVpcs",
            LongStream.range(0, 40).mapToObj(s -> ModelFiller.filled(Vpc.class, s)).toList());
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try (Ec2Client ec2 = Clients.ec2(fake, Clients.staticProvider(user), "us-west-2")) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(
            pool.submit(
                () ->
                    (int)
                        ec2.describeVpcsPaginator(r -> r.maxResults(10)).vpcs().stream().count()));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(40);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.calls(ACCOUNT, "us-west-2", "DescribeVpcs")).isEqualTo(64 * 4);
  }
}
