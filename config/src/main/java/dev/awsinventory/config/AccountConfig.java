package dev.awsinventory.config;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One entry of {@code accounts}: how to get credentials for an AWS account. Holds no secrets. */
public final class AccountConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String id;
  private final String roleArn;
  private final String roleSessionName;
  private final String externalId;
  private final String localProfile;
  private final String defaultRegion;
  private final List<String> regions;
  private final String accountIdHint;
  private final AccountConfig source;

  AccountConfig(
      String name,
      String id,
      String roleArn,
      String roleSessionName,
      String externalId,
      String localProfile,
      String defaultRegion,
      List<String> regions,
      String accountIdHint) {
    this(
        name,
        id,
        roleArn,
        roleSessionName,
        externalId,
        localProfile,
        defaultRegion,
        regions,
        accountIdHint,
        null);
  }

  private AccountConfig(
      String name,
      String id,
      String roleArn,
      String roleSessionName,
      String externalId,
      String localProfile,
      String defaultRegion,
      List<String> regions,
      String accountIdHint,
      AccountConfig source) {
    this.source = source;
    this.name = Objects.requireNonNull(name);
    this.id = id;
    this.roleArn = roleArn;
    this.roleSessionName = roleSessionName;
    this.externalId = externalId;
    this.localProfile = localProfile;
    this.defaultRegion = Objects.requireNonNull(defaultRegion);
    this.regions = regions == null ? null : List.copyOf(regions);
    this.accountIdHint = accountIdHint;
  }

  /**
   * An account from its fields as the getters return them (null for absent), for decoding an
   * encoded one; configs are read by {@link AccountReader}, which checks every field.
   */
  public static AccountConfig of(
      String name,
      String id,
      String roleArn,
      String roleSessionName,
      String externalId,
      String localProfile,
      String defaultRegion,
      List<String> regions,
      String accountIdHint,
      AccountConfig source) {
    return new AccountConfig(
        name,
        id,
        roleArn,
        roleSessionName,
        externalId,
        localProfile,
        defaultRegion,
        regions,
        accountIdHint,
        source);
  }

  /**
   * The account of the default credential chain, used when the config lists no accounts: its id is
   * found with GetCallerIdentity.
   */
  public static AccountConfig defaultChain() {
    return new AccountConfig("default", null, null, null, null, null, "us-east-1", null, null);
  }

  /**
   * A member account discovered in an organization: its role is assumed with the credentials of
   * {@code source} (the {@code org} block's {@code member_trusted_principal}, else its {@code
   * admin_account}; null means the default credential chain).
   *
   * @param regions the member's regions, or null for the top-level {@code regions}
   */
  public static AccountConfig member(
      String accountId,
      String name,
      String roleArn,
      String roleSessionName,
      String externalId,
      String defaultRegion,
      List<String> regions,
      AccountConfig source) {
    return new AccountConfig(
        name,
        accountId,
        roleArn,
        roleSessionName,
        externalId,
        null,
        defaultRegion,
        regions,
        accountId,
        source);
  }

  /**
   * Whose credentials assume {@link #roleArn()}; empty: this account's profile or the default
   * chain.
   */
  public Optional<AccountConfig> source() {
    return Optional.ofNullable(source);
  }

  /** {@code account_name}, else {@code id}, else the account id in {@code role_arn}. */
  public String name() {
    return name;
  }

  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  public Optional<String> roleArn() {
    return Optional.ofNullable(roleArn);
  }

  public Optional<String> roleSessionName() {
    return Optional.ofNullable(roleSessionName);
  }

  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  public Optional<String> localProfile() {
    return Optional.ofNullable(localProfile);
  }

  /** Region for STS and DescribeRegions calls. */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** This account's own {@code regions}, overriding the global list. */
  public Optional<List<String>> regions() {
    return Optional.ofNullable(regions);
  }

  /** The 12-digit account id from {@code id} or {@code role_arn}, if either names one. */
  public Optional<String> accountIdHint() {
    return Optional.ofNullable(accountIdHint);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountConfig a
        && name.equals(a.name)
        && Objects.equals(id, a.id)
        && Objects.equals(roleArn, a.roleArn)
        && Objects.equals(roleSessionName, a.roleSessionName)
        && Objects.equals(externalId, a.externalId)
        && Objects.equals(localProfile, a.localProfile)
        && defaultRegion.equals(a.defaultRegion)
        && Objects.equals(regions, a.regions)
        && Objects.equals(accountIdHint, a.accountIdHint)
        && Objects.equals(source, a.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, id, roleArn, localProfile, defaultRegion, regions);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("AccountConfig[name=").append(name);
    if (id != null) {
      s.append(", id=").append(id);
    }
    if (roleArn != null) {
      s.append(", role_arn=").append(roleArn);
    }
    if (roleSessionName != null) {
      s.append(", role_session_name=").append(roleSessionName);
    }
    if (externalId != null) {
      s.append(", external_id=***");
    }
    if (localProfile != null) {
      s.append(", local_profile=").append(localProfile);
    }
    s.append(", default_region=").append(defaultRegion);
    if (regions != null) {
      s.append(", regions=").append(regions);
    }
    if (source != null) {
      s.append(", source=").append(source);
    }
    return s.append(']').toString();
  }
}
