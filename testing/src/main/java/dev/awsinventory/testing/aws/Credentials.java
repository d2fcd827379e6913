package dev.awsinventory.testing.aws;

import java.util.Map;

/** An access key pair, with a session token for temporary credentials (null for IAM users). */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {

  /**
   * The environment variables by which the AWS SDK's default chain finds this key pair: {@code
   * AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} (the session token is not set).
   */
  public Map<String, String> environment() {
    return Map.of("AWS_ACCESS_KEY_ID", accessKeyId, "AWS_SECRET_ACCESS_KEY", secretAccessKey);
  }
}
