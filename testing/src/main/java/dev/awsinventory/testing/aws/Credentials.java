package dev.awsinventory.testing.aws;

/** An access key pair, with a session token for temporary credentials (null for IAM users). */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {}
