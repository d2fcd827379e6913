package dev.awsinventory.testing.aws;

import java.time.Instant;

/** Who owns an access key: an IAM user (no session token, no expiry) or a role session. */
record Identity(
    String accessKeyId,
    String secretAccessKey,
    String sessionToken,
    String accountId,
    String arn,
    String userId,
    Instant expiration) {

  boolean temporary() {
    return sessionToken != null;
  }

  boolean expired(Instant now) {
    return expiration != null && !now.isBefore(expiration);
  }

  Credentials credentials() {
    return new Credentials(accessKeyId, secretAccessKey, sessionToken);
  }
}
