package dev.awsinventory.transforms.org;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * What discovery learned of an AWS Organization: its roots, OUs and accounts, each account once,
 * with the root or OU directly above every OU and account (known when the tree was walked; empty
 * after a plain {@code ListAccounts}) and the tags of roots and accounts (when listed).
 */
public final class OrgTree {
  private final List<Root> roots = new ArrayList<>();
  private final Map<String, OrganizationalUnit> units = new LinkedHashMap<>();
  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final Map<String, String> parents = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

  void addRoot(Root root) {
    roots.add(root);
  }

  void addUnit(OrganizationalUnit unit, String parentId) {
    units.put(unit.id(), unit);
    parents.put(unit.id(), parentId);
  }

  /** Adds an account (de-duplicated by id); {@code parentId} may be null. */
  void addAccount(Account account, String parentId) {
    accounts.putIfAbsent(account.id(), account);
    if (parentId != null) {
      parents.putIfAbsent(account.id(), parentId);
    }
  }

  void tags(String resourceId, Map<String, String> values) {
    tags.put(resourceId, values);
  }

  public List<Root> roots() {
    return List.copyOf(roots);
  }

  public List<OrganizationalUnit> organizationalUnits() {
    return List.copyOf(units.values());
  }

  /** Every account found, in discovery order, each once. */
  public List<Account> accounts() {
    return List.copyOf(accounts.values());
  }

  /** The root or OU directly above an OU or account; null when unknown. */
  public String parentOf(String id) {
    return parents.get(id);
  }

  /** The ids from the node's parent up to its root (nearest first). */
  public List<String> ancestorsOf(String id) {
    List<String> out = new ArrayList<>();
    for (String p = parents.get(id); p != null && !out.contains(p); p = parents.get(p)) {
      out.add(p);
    }
    return out;
  }

  public boolean hasNode(String rootOrOuId) {
    return units.containsKey(rootOrOuId) || roots.stream().anyMatch(r -> r.id().equals(rootOrOuId));
  }

  /** Tags of a root or account ({@code ListTagsForResource}); null when not listed. */
  public Map<String, String> tagsOf(String resourceId) {
    return tags.get(resourceId);
  }

  /** The accounts with their tree position, for the organization tables. */
  public List<OrgAccount> orgAccounts() {
    return accounts.values().stream()
        .map(a -> new OrgAccount(a, parents.get(a.id()), tags.get(a.id())))
        .toList();
  }

  public List<OrgRoot> orgRoots() {
    return roots.stream().map(r -> new OrgRoot(r, tags.get(r.id()))).toList();
  }
}
