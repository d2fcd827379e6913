package dev.awsinventory.transforms.org;

import java.util.Map;
import software.amazon.awssdk.services.organizations.model.Account;

/**
 * An account of the organization with the root or OU directly above it (null when unknown) and its
 * tags (null when not listed).
 */
public record OrgAccount(Account account, String parentId, Map<String, String> tags) {

  /** {@code State}, else {@code Status} (which AWS retires in favour of State), upper case. */
  public String state() {
    String state = account.stateAsString();
    return state != null ? state : account.statusAsString();
  }

  /** The type of the parent: {@code ROOT} for {@code r-...}, else {@code ORGANIZATIONAL_UNIT}. */
  public String parentType() {
    return parentId == null ? null : parentId.startsWith("r-") ? "ROOT" : "ORGANIZATIONAL_UNIT";
  }
}
