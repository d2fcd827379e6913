package dev.awsinventory.transforms.org;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * Reads an organization through the SDK paginators (which continue past empty pages until {@code
 * NextToken} is null), one call at a time. Calls are paced and retried by the client ({@link
 * OrgClients}). Errors are the SDK's exceptions, unchanged.
 */
public final class OrgWalker {
  private final OrganizationsClient client;

  public OrgWalker(OrganizationsClient client) {
    this.client = client;
  }

  /** Every account with {@code ListAccounts}; parents unknown. */
  public OrgTree listAccounts() {
    OrgTree tree = new OrgTree();
    client
        .listAccountsPaginator(r -> r.maxResults(20))
        .forEach(p -> p.accounts().forEach(a -> tree.addAccount(a, null)));
    return tree;
  }

  /**
   * The whole tree: {@code ListRoots}, then breadth-first per root and OU {@code
   * ListOrganizationalUnitsForParent} and {@code ListAccountsForParent}; with {@code tags}, {@code
   * ListTagsForResource} per root and account.
   */
  public OrgTree walk(boolean tags) {
    OrgTree tree = new OrgTree();
    Deque<String> parents = new ArrayDeque<>();
    client
        .listRootsPaginator(r -> r.maxResults(20))
        .forEach(
            p ->
                p.roots()
                    .forEach(
                        root -> {
                          tree.addRoot(root);
                          parents.add(root.id());
                        }));
    while (!parents.isEmpty()) {
      String parent = parents.poll();
      client
          .listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent).maxResults(20))
          .forEach(
              p ->
                  p.organizationalUnits()
                      .forEach(
                          ou -> {
                            tree.addUnit(ou, parent);
                            parents.add(ou.id());
                          }));
      client
          .listAccountsForParentPaginator(r -> r.parentId(parent).maxResults(20))
          .forEach(p -> p.accounts().forEach(a -> tree.addAccount(a, parent)));
    }
    if (tags) {
      for (Root root : tree.roots()) {
        tree.tags(root.id(), tags(root.id()));
      }
      for (Account a : tree.accounts()) {
        tree.tags(a.id(), tags(a.id()));
      }
    }
    return tree;
  }

  private Map<String, String> tags(String resourceId) {
    Map<String, String> out = new LinkedHashMap<>();
    client
        .listTagsForResourcePaginator(r -> r.resourceId(resourceId))
        .forEach(p -> p.tags().forEach((Tag t) -> out.put(t.key(), t.value())));
    return out;
  }
}
