package dev.awsinventory.transforms.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ec2.model.Ec2Response;

/**
 * Unmarshals the EC2 clients' successful responses as they are read ({@link Ec2XmlReader}) instead
 * of through the SDK's tree of the whole document; the SDK's own path still reads error responses
 * and the responses of operations whose models the reader does not take.
 *
 * <p>How, within the SDK's interceptor hooks: {@code modifyHttpResponseContent} reads the body into
 * the operation's response builder (the {@code FooResponse} of the request's {@code FooRequest})
 * and hands the SDK, in its place, a document holding only the request id; {@code modifyResponse}
 * puts the SDK's response metadata and HTTP response on the builder and returns what it builds.
 * Registered before {@link UnmarshallingLimit} (see {@link AwsClients#responseReaders}): the SDK
 * calls response hooks in reverse order, so the limit's page budget and permit are taken first and
 * the reading holds them. A body that is not well-formed fails the attempt with the SDK's own
 * {@code SdkClientException} ("Could not parse XML response."), retried as the SDK retries it when
 * reading failed.
 */
final class StreamedUnmarshalling implements ExecutionInterceptor {
  private static final ExecutionAttribute<SdkPojo> READ =
      new ExecutionAttribute<>("aws-inventory.streamed-response");

  private final LongAdder responses = new LongAdder();

  private static final ClassValue<Optional<Supplier<SdkPojo>>> BUILDERS =
      new ClassValue<>() {
        @Override
        protected Optional<Supplier<SdkPojo>> computeValue(Class<?> request) {
          return responseBuilder(request);
        }
      };

  /** The responses this interceptor has read itself (for tests: the SDK read none of them). */
  long responsesRead() {
    return responses.sum();
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Optional<InputStream> body = context.responseBody();
    if (body.isEmpty() || !context.httpResponse().isSuccessful()) {
      return body;
    }
    Optional<Supplier<SdkPojo>> builder = BUILDERS.get(context.request().getClass());
    if (builder.isEmpty()) {
      return body;
    }
    Ec2XmlReader.Read read;
    try (InputStream in = body.get()) {
      read = Ec2XmlReader.read(in, builder.get().get());
      in.transferTo(OutputStream.nullOutputStream());
    } catch (XMLStreamException | IOException e) {
      throw SdkClientException.create("Could not parse XML response.", e);
    }
    attributes.putAttribute(READ, read.builder());
    responses.increment();
    return Optional.of(new ByteArrayInputStream(stub(read.requestId())));
  }

  @Override
  public SdkResponse modifyResponse(
      Context.ModifyResponse context, ExecutionAttributes attributes) {
    SdkPojo read = attributes.getAttribute(READ);
    if (read == null || !(context.response() instanceof Ec2Response sdk)) {
      return context.response();
    }
    Ec2Response.Builder b = (Ec2Response.Builder) read;
    b.responseMetadata(sdk.responseMetadata());
    b.sdkHttpResponse(sdk.sdkHttpResponse());
    return b.build();
  }

  /** The document the SDK reads in place of the body: the request id alone. */
  private static byte[] stub(String requestId) {
    String id =
        requestId == null
            ? ""
            : "<requestId>"
                + requestId.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</requestId>";
    return ("<Response>" + id + "</Response>").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The builder of {@code request}'s response type when it is an EC2 model the reader takes: {@code
   * software.amazon.awssdk.services.ec2.model.FooRequest} gives {@code FooResponse.builder()}.
   */
  static Optional<Supplier<SdkPojo>> responseBuilder(Class<?> request) {
    String name = request.getName();
    if (!SdkRequest.class.isAssignableFrom(request)
        || !name.startsWith(Ec2Response.class.getPackageName() + ".")
        || !name.endsWith("Request")) {
      return Optional.empty();
    }
    try {
      Class<?> response =
          Class.forName(
              name.substring(0, name.length() - "Request".length()) + "Response",
              true,
              request.getClassLoader());
      var method = response.getMethod("builder");
      Supplier<SdkPojo> supplier =
          () -> {
            try {
              return (SdkPojo) method.invoke(null);
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException(e);
            }
          };
      return Ec2XmlReader.readable(supplier) ? Optional.of(supplier) : Optional.empty();
    } catch (ReflectiveOperationException | ClassCastException e) {
      return Optional.empty();
    }
  }
}
