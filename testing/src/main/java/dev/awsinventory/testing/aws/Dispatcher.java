package dev.awsinventory.testing.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Receives every HTTP request: authenticates it, applies faults and routes it to STS or EC2. */
final class Dispatcher implements HttpHandler {

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final FakeAws aws;
  private final StsService sts;

  Dispatcher(FakeAws aws) {
    this.aws = aws;
    this.sts = new StsService(aws);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    aws.requestStarted();
    try {
      Call call = Call.read(exchange);
      String requestId = UUID.randomUUID().toString();
      SigV4.Auth auth = SigV4.parse(call.header("authorization"));
      String target = call.header("x-amz-target");
      if (target != null && target.startsWith(OrganizationsService.TARGET_PREFIX)) {
        organizations(
            exchange,
            call,
            auth,
            target.substring(OrganizationsService.TARGET_PREFIX.length()),
            requestId);
        return;
      }
      boolean isSts =
          auth != null ? "sts".equals(auth.service()) : "2011-06-15".equals(call.param("Version"));
      try {
        String body = answer(call, auth, isSts, requestId);
        if (body != null) {
          send(exchange, 200, body, requestId);
        }
      } catch (ServiceError e) {
        send(exchange, e.status(), isSts ? e.stsXml(requestId) : e.ec2Xml(requestId), requestId);
      } catch (RuntimeException e) {
        ServiceError error =
            new ServiceError(500, isSts ? "InternalFailure" : "InternalError", String.valueOf(e));
        send(exchange, 500, isSts ? error.stsXml(requestId) : error.ec2Xml(requestId), requestId);
      }
    } finally {
      exchange.close();
      aws.requestEnded();
    }
  }

  /** AWS Organizations: awsJson1_1 answers and errors ({@code __type}). */
  private void organizations(
      HttpExchange exchange, Call call, SigV4.Auth auth, String operation, String requestId)
      throws IOException {
    String body;
    int status = 200;
    try {
      Identity caller = authenticate(call, auth, false);
      aws.count(caller.accountId(), auth.region(), operation);
      body = OrganizationsService.answer(operation, call, caller, aws);
    } catch (ServiceError e) {
      status = e.status();
      body = JsonWriter.error(e.code(), e.getMessage());
    } catch (RuntimeException e) {
      status = 500;
      body = JsonWriter.error("ServiceException", String.valueOf(e));
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The XML answer, or null to drop the connection without one. */
  private String answer(Call call, SigV4.Auth auth, boolean isSts, String requestId) {
    Identity caller = authenticate(call, auth, isSts);
    String action = call.param("Action");
    String region = auth.region();
    aws.count(caller.accountId(), region, action);
    if (isSts) {
      Fault fault = aws.faults().before(caller.accountId(), region, action, true, false);
      if (fault == Fault.DROP) {
        return null;
      }
      if (fault != Fault.NONE) {
        throw fault.error(true);
      }
      return sts.answer(action, call, caller, requestId);
    }
    FakeAccount account = aws.account(caller.accountId());
    if (!account.enabled(region)) {
      throw new ServiceError(
          401,
          "OptInRequired",
          "You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.");
    }
    Ec2Shape shape = Ec2Shape.find(action);
    if (shape == null) {
      throw new ServiceError(
          400, "InvalidAction", "The action " + action + " is not valid for this web service.");
    }
    boolean unpaged = call.param("MaxResults") == null && !call.hasFilters();
    Fault fault = aws.faults().before(caller.accountId(), region, action, false, unpaged);
    if (fault == Fault.DROP) {
      return null;
    }
    if (fault != Fault.NONE) {
      throw fault.error(false);
    }
    return Ec2Service.answer(shape, call, account, account.region(region), aws.faults(), requestId);
  }

  private Identity authenticate(Call call, SigV4.Auth auth, boolean isSts) {
    if (auth == null) {
      throw new ServiceError(
          isSts ? 403 : 401,
          "MissingAuthenticationToken",
          "Request is missing Authentication Token");
    }
    Identity caller = aws.keys().find(auth.accessKeyId());
    if (caller == null
        || (caller.temporary()
            && !caller.sessionToken().equals(call.header("x-amz-security-token")))) {
      throw isSts
          ? new ServiceError(
              403, "InvalidClientTokenId", "The security token included in the request is invalid.")
          : new ServiceError(
              401, "AuthFailure", "AWS was not able to validate the provided access credentials");
    }
    if (!SigV4.verify(call, auth, caller.secretAccessKey())) {
      throw new ServiceError(
          403,
          "SignatureDoesNotMatch",
          "The request signature we calculated does not match "
              + "the signature you provided. Check your AWS Secret Access Key and signing method. "
              + "Consult the service documentation for details.");
    }
    if (skewed(call.header("x-amz-date"))) {
      throw isSts
          ? new ServiceError(
              403,
              "SignatureDoesNotMatch",
              "Signature expired: "
                  + call.header("x-amz-date")
                  + " is not within 15 minutes of the server time")
          : new ServiceError(400, "RequestExpired", "Request has expired.");
    }
    if (caller.expired(Instant.now())) {
      throw isSts
          ? new ServiceError(
              403, "ExpiredToken", "The security token included in the request is expired")
          : new ServiceError(400, "RequestExpired", "Request has expired.");
    }
    return caller;
  }

  private static boolean skewed(String amzDate) {
    try {
      Instant signedAt = AMZ_DATE.parse(amzDate, Instant::from);
      return Duration.between(signedAt, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0;
    } catch (DateTimeParseException e) {
      return true;
    }
  }

  private static void send(HttpExchange exchange, int status, String body, String requestId)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
