package dev.awsinventory.transforms.org;

import java.io.Serializable;

/**
 * What discovery decided for one account of the organization, so that every account is accounted
 * for: {@code fetched} (ACTIVE, in scope), {@code not_active} (its {@code state} says which:
 * SUSPENDED, PENDING_CLOSURE, CLOSED, PENDING_ACTIVATION), {@code skipped} ({@code detail} names
 * the skip_member_accounts or skip_organization_units entry), {@code out_of_scope} (not under
 * {@code organization_units}), or, with account id of the admin account, {@code discovery_failed}
 * ({@code detail} is the one-line error). Holds no secrets.
 */
public record AccountStatus(
    String accountId,
    String accountName,
    String state,
    String disposition,
    String parentId,
    boolean management,
    String detail)
    implements Serializable {
  public static final String FETCHED = "fetched";
  public static final String NOT_ACTIVE = "not_active";
  public static final String SKIPPED = "skipped";
  public static final String OUT_OF_SCOPE = "out_of_scope";
  public static final String DISCOVERY_FAILED = "discovery_failed";
}
