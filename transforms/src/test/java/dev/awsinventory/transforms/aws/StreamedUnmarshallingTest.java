package dev.awsinventory.transforms.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.testing.aws.FakeAws;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Request;
import software.amazon.awssdk.services.ec2.model.Ec2Response;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The EC2 responses read as they arrive, against the SDK's own reading of the same answers, with
 * the SDK over HTTP against the fake AWS (whose answers fill every field of the models). The
 * responses' own {@code equals} also compares their request ids, which differ from call to call;
 * {@code equalsBySdkFields} compares every modelled field, nested ones by their {@code equals}.
 */
class StreamedUnmarshallingTest {
  private FakeEc2 fake;
  private FakeAws aws;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void start() {
    fake = new FakeEc2();
    aws = fake.aws;
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
    fake.close();
  }

  /** Every operation a table calls (the slice client's), by its request type's name. */
  private static Map<String, Method> tableOperations() throws NoSuchMethodException {
    TreeMap<String, Method> operations = new TreeMap<>();
    for (Method m : SliceEc2Client.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && m.getParameterCount() == 1
          && Ec2Request.class.isAssignableFrom(m.getParameterTypes()[0])) {
        operations.put(
            m.getParameterTypes()[0].getSimpleName().replaceFirst("Request$", ""),
            Ec2Client.class.getMethod(m.getName(), m.getParameterTypes()[0]));
      }
    }
    return operations;
  }

  @Test
  void everyTableOperationIsReadAsTheSdkReadsIt() throws Exception {
    Map<String, Method> operations = tableOperations();
    assertThat(operations).hasSizeGreaterThanOrEqualTo(50);
    StreamedUnmarshalling streamed = new StreamedUnmarshalling();
    Ec2Client sdk = fake.client();
    Ec2Client ours = fake.client(new UnmarshallingLimit(2), streamed);
    long seed = 1;
    for (var e : operations.entrySet()) {
      String action = e.getKey();
      fake.region().fill(action, 3, seed += 10);
      Ec2Request r =
          (Ec2Request)
              ((SdkBuilder<?, ?>)
                      e.getValue().getParameterTypes()[0].getMethod("builder").invoke(null))
                  .build();
      long before = streamed.responsesRead();

      Ec2Response expected = (Ec2Response) e.getValue().invoke(sdk, r);
      Ec2Response actual = (Ec2Response) e.getValue().invoke(ours, r);

      assertThat(streamed.responsesRead()).as(action + " read as it arrives").isEqualTo(before + 1);
      assertThat(actual.equalsBySdkFields(expected)).as(action).isTrue();
      assertThat(actual.toString()).as(action).isEqualTo(expected.toString());
      assertThat(actual.responseMetadata().requestId()).as(action).isNotBlank();
      assertThat(actual.sdkHttpResponse().statusCode()).as(action).isEqualTo(200);
    }
  }

  @Test
  void pagesOfAChainAreReadAsTheSdkReadsThem() {
    fake.region().fill("DescribeInstances", 7, 5);
    StreamedUnmarshalling streamed = new StreamedUnmarshalling();
    Ec2Client sdk = fake.client();
    Ec2Client ours = fake.client(new UnmarshallingLimit(1), streamed);

    List<DescribeInstancesResponse> expected =
        sdk
            .describeInstancesPaginator(DescribeInstancesRequest.builder().maxResults(3).build())
            .stream()
            .toList();
    List<DescribeInstancesResponse> actual =
        ours
            .describeInstancesPaginator(DescribeInstancesRequest.builder().maxResults(3).build())
            .stream()
            .toList();

    assertThat(expected).hasSize(3);
    assertThat(actual).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(actual.get(i).equalsBySdkFields(expected.get(i))).as("page " + i).isTrue();
      assertThat(actual.get(i).toString()).isEqualTo(expected.get(i).toString());
    }
    assertThat(actual.get(0).nextToken()).isNotNull();
    assertThat(streamed.responsesRead()).isEqualTo(3);
  }

  @Test
  void aResponseIsReadOnlyUnderTheLimitsPermit() throws Exception {
    fake.region().fill("DescribeVpcs", 3, 7);
    UnmarshallingLimit limit = new UnmarshallingLimit(1);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // holds the first call after it was read, with its permit (the SDK's reading is a no-op here)
    ExecutionInterceptor holder = FakeEc2.holdsFirstCall(holding, release);
    List<ExecutionInterceptor> interceptors = new ArrayList<>();
    interceptors.add(holder);
    interceptors.addAll(AwsClients.responseReaders(limit));
    Ec2Client ec2 = fake.client(interceptors.toArray(ExecutionInterceptor[]::new));
    long before = AwsClients.STREAMED.responsesRead();

    Future<Integer> a = threads.submit(() -> ec2.describeVpcs().vpcs().size());
    assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
    Future<Integer> b = threads.submit(() -> ec2.describeVpcs().vpcs().size());
    fake.awaitCalls("DescribeVpcs", 2);
    Thread.sleep(300);
    assertThat(aws.calls("DescribeVpcs")).isEqualTo(2);
    assertThat(AwsClients.STREAMED.responsesRead() - before)
        .as("the second answer is not read while the first holds the permit")
        .isEqualTo(1);

    release.countDown();
    assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThat(AwsClients.STREAMED.responsesRead() - before).isEqualTo(2);
    assertThat(limit.available()).isEqualTo(1);
  }
}
