package dev.awsinventory.testing.aws;

/**
 * One AssumeRole request as the fake received it; {@code granted} tells whether credentials were
 * issued.
 */
public record AssumeRoleCall(
    String roleArn,
    String sessionName,
    String externalId,
    Integer durationSeconds,
    String callerAccount,
    boolean granted) {}
