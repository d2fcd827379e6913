package dev.awsinventory.testing.aws;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS actions: AssumeRole and GetCallerIdentity, in the awsQuery response shape. */
final class StsService {

  static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

  private final FakeAws aws;

  StsService(FakeAws aws) {
    this.aws = aws;
  }

  String answer(String action, Call call, Identity caller, String requestId) {
    if ("GetCallerIdentity".equals(action)) {
      return XmlWriter.query(
          action,
          NAMESPACE,
          GetCallerIdentityResponse.builder()
              .account(caller.accountId())
              .arn(caller.arn())
              .userId(caller.userId())
              .build(),
          requestId);
    }
    if ("AssumeRole".equals(action)) {
      return XmlWriter.query(action, NAMESPACE, assumeRole(call, caller), requestId);
    }
    throw new ServiceError(
        400, "InvalidAction", "Could not find operation " + action + " for version 2011-06-15");
  }

  private AssumeRoleResponse assumeRole(Call call, Identity caller) {
    String roleArn = call.param("RoleArn");
    String sessionName = call.param("RoleSessionName");
    String externalId = call.param("ExternalId");
    Integer duration = call.intParam("DurationSeconds");
    Role role = roleArn == null ? null : aws.role(roleArn);
    boolean granted = role != null && role.allows(caller.accountId(), externalId);
    String invalid = invalid(roleArn, sessionName, duration, role);
    aws.recordAssumeRole(
        new AssumeRoleCall(
            roleArn,
            sessionName,
            externalId,
            duration,
            caller.accountId(),
            granted && invalid == null));
    if (invalid != null) {
      throw new ServiceError(400, "ValidationError", invalid);
    }
    if (!granted) {
      throw new ServiceError(
          403,
          "AccessDenied",
          "User: "
              + caller.arn()
              + " is not authorized to perform: sts:AssumeRole on resource: "
              + roleArn);
    }
    Duration lifetime = aws.credentialLifetime();
    if (lifetime == null) {
      lifetime = Duration.ofSeconds(duration == null ? 3600 : duration);
    }
    Instant expiration = Instant.now().plus(lifetime).truncatedTo(ChronoUnit.MILLIS);
    Identity session = aws.keys().newSession(role, sessionName, expiration);
    return AssumeRoleResponse.builder()
        .credentials(
            software.amazon.awssdk.services.sts.model.Credentials.builder()
                .accessKeyId(session.accessKeyId())
                .secretAccessKey(session.secretAccessKey())
                .sessionToken(session.sessionToken())
                .expiration(expiration)
                .build())
        .assumedRoleUser(
            AssumedRoleUser.builder().arn(session.arn()).assumedRoleId(session.userId()).build())
        .build();
  }

  private static String invalid(String roleArn, String sessionName, Integer duration, Role role) {
    if (roleArn == null || roleArn.length() < 20) {
      return "1 validation error detected: Value at 'roleArn' failed to satisfy constraint: "
          + "Member must have length greater than or equal to 20";
    }
    if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
      return "1 validation error detected: Value '"
          + sessionName
          + "' at 'roleSessionName' failed to satisfy "
          + "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and length 2..64";
    }
    if (duration != null && duration < 900) {
      return "1 validation error detected: Value '"
          + duration
          + "' at 'durationSeconds' failed to satisfy "
          + "constraint: Member must have value greater than or equal to 900";
    }
    if (duration != null && role != null && duration > role.maxSessionSeconds()) {
      return "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";
    }
    return null;
  }
}
