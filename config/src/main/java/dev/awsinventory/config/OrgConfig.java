package dev.awsinventory.config;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The AWS source's {@code org} block: member accounts discovered from AWS Organizations instead of
 * listed under {@code accounts}. Keys and defaults are CloudQuery's AWS source spec ({@code
 * client/spec/org.go}): {@code admin_account}, {@code member_role_name}, {@code
 * member_trusted_principal}, {@code member_role_session_name}, {@code member_external_id}, {@code
 * member_regions}, {@code organization_units}, {@code skip_organization_units}, {@code
 * skip_member_accounts}. Holds no secrets (the external id is not printed).
 */
public final class OrgConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AccountConfig adminAccount;
  private final String memberRoleName;
  private final AccountConfig memberTrustedPrincipal;
  private final String memberRoleSessionName;
  private final String memberExternalId;
  private final List<String> memberRegions;
  private final List<String> organizationUnits;
  private final List<String> skipOrganizationUnits;
  private final List<String> skipMemberAccounts;

  private OrgConfig(Builder b) {
    this.adminAccount = b.adminAccount;
    this.memberRoleName = Objects.requireNonNull(b.memberRoleName, "member_role_name");
    this.memberTrustedPrincipal = b.memberTrustedPrincipal;
    this.memberRoleSessionName = b.memberRoleSessionName;
    this.memberExternalId = b.memberExternalId;
    this.memberRegions = b.memberRegions == null ? null : List.copyOf(b.memberRegions);
    this.organizationUnits = List.copyOf(b.organizationUnits);
    this.skipOrganizationUnits = List.copyOf(b.skipOrganizationUnits);
    this.skipMemberAccounts = List.copyOf(b.skipMemberAccounts);
  }

  /** A builder; {@code memberRoleName} is required (CloudQuery: {@code member_role_name}). */
  public static Builder builder(String memberRoleName) {
    return new Builder(memberRoleName);
  }

  /** Whose credentials call Organizations; empty means the default credential chain. */
  public Optional<AccountConfig> adminAccount() {
    return Optional.ofNullable(adminAccount);
  }

  /** The role NAME assumed in every member: {@code arn:<partition>:iam::<id>:role/<name>}. */
  public String memberRoleName() {
    return memberRoleName;
  }

  /** Whose credentials assume the member roles; empty means the admin account's. */
  public Optional<AccountConfig> memberTrustedPrincipal() {
    return Optional.ofNullable(memberTrustedPrincipal);
  }

  public Optional<String> memberRoleSessionName() {
    return Optional.ofNullable(memberRoleSessionName);
  }

  public Optional<String> memberExternalId() {
    return Optional.ofNullable(memberExternalId);
  }

  /** Regions (names or globs) for members; empty means the source's top-level {@code regions}. */
  public Optional<List<String>> memberRegions() {
    return Optional.ofNullable(memberRegions);
  }

  /** OU ids ({@code ou-xxxx-yyyyyyyy}) or root ids ({@code r-xxxx}); empty: whole organization. */
  public List<String> organizationUnits() {
    return organizationUnits;
  }

  /** OU ids skipped at any depth. */
  public List<String> skipOrganizationUnits() {
    return skipOrganizationUnits;
  }

  /** 12-digit account ids never fetched. */
  public List<String> skipMemberAccounts() {
    return skipMemberAccounts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrgConfig c
        && Objects.equals(adminAccount, c.adminAccount)
        && memberRoleName.equals(c.memberRoleName)
        && Objects.equals(memberTrustedPrincipal, c.memberTrustedPrincipal)
        && Objects.equals(memberRoleSessionName, c.memberRoleSessionName)
        && Objects.equals(memberExternalId, c.memberExternalId)
        && Objects.equals(memberRegions, c.memberRegions)
        && organizationUnits.equals(c.organizationUnits)
        && skipOrganizationUnits.equals(c.skipOrganizationUnits)
        && skipMemberAccounts.equals(c.skipMemberAccounts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        memberRoleName, organizationUnits, skipOrganizationUnits, skipMemberAccounts);
  }

  @Override
  public String toString() {
    return "OrgConfig[admin_account="
        + adminAccount
        + ", member_role_name="
        + memberRoleName
        + ", member_trusted_principal="
        + memberTrustedPrincipal
        + ", member_role_session_name="
        + memberRoleSessionName
        + (memberExternalId == null ? "" : ", member_external_id=***")
        + ", member_regions="
        + memberRegions
        + ", organization_units="
        + organizationUnits
        + ", skip_organization_units="
        + skipOrganizationUnits
        + ", skip_member_accounts="
        + skipMemberAccounts
        + "]";
  }

  /** Mutable draft; {@link #build()} makes the immutable value. */
  public static final class Builder {
    private AccountConfig adminAccount;
    private final String memberRoleName;
    private AccountConfig memberTrustedPrincipal;
    private String memberRoleSessionName;
    private String memberExternalId;
    private List<String> memberRegions;
    private List<String> organizationUnits = List.of();
    private List<String> skipOrganizationUnits = List.of();
    private List<String> skipMemberAccounts = List.of();

    private Builder(String memberRoleName) {
      this.memberRoleName = memberRoleName;
    }

    public Builder adminAccount(AccountConfig v) {
      adminAccount = v;
      return this;
    }

    public Builder memberTrustedPrincipal(AccountConfig v) {
      memberTrustedPrincipal = v;
      return this;
    }

    public Builder memberRoleSessionName(String v) {
      memberRoleSessionName = v;
      return this;
    }

    public Builder memberExternalId(String v) {
      memberExternalId = v;
      return this;
    }

    public Builder memberRegions(List<String> v) {
      memberRegions = v;
      return this;
    }

    public Builder organizationUnits(List<String> v) {
      organizationUnits = v;
      return this;
    }

    public Builder skipOrganizationUnits(List<String> v) {
      skipOrganizationUnits = v;
      return this;
    }

    public Builder skipMemberAccounts(List<String> v) {
      skipMemberAccounts = v;
      return this;
    }

    public OrgConfig build() {
      return new OrgConfig(this);
    }
  }
}
