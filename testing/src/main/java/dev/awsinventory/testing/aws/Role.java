package dev.awsinventory.testing.aws;

import java.util.Set;

/** An IAM role: who may assume it and the conditions the fake enforces. */
final class Role {

  private final String arn;
  private final String accountId;
  private final String name;
  private final Set<String> trustedAccounts;
  private volatile String externalId;
  private volatile boolean denied;
  private volatile int maxSessionSeconds = 3600;

  Role(String arn, String accountId, String name, Set<String> trustedAccounts) {
    this.arn = arn;
    this.accountId = accountId;
    this.name = name;
    this.trustedAccounts = Set.copyOf(trustedAccounts);
  }

  String arn() {
    return arn;
  }

  String accountId() {
    return accountId;
  }

  String name() {
    return name;
  }

  boolean allows(String callerAccount, String givenExternalId) {
    String required = externalId;
    return !denied
        && trustedAccounts.contains(callerAccount)
        && (required == null || required.equals(givenExternalId));
  }

  void externalId(String required) {
    this.externalId = required;
  }

  void denied(boolean deny) {
    this.denied = deny;
  }

  int maxSessionSeconds() {
    return maxSessionSeconds;
  }

  void maxSessionSeconds(int seconds) {
    this.maxSessionSeconds = seconds;
  }
}
