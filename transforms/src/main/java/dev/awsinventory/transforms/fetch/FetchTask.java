package dev.awsinventory.transforms.fetch;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.transforms.model.SliceKey;
import java.io.Serializable;
import java.util.List;

/**
 * One slice to fetch: a table in one account and region, plus the selected child tables that are
 * listed per resource of it. Carries identifiers and the role to assume, never credentials. {@code
 * accountWide} tables are fetched once per account, from the account's default region, and their
 * slice region is {@code *}.
 */
public record FetchTask(
    AccountConfig account,
    String accountId,
    String partition,
    String region,
    String table,
    boolean accountWide,
    List<String> children)
    implements Serializable {

  /**
   * The key that routes the task to the worker pacing its calls: the account and the region its
   * calls go to (an account-wide table's default region), as AWS's request buckets are per
   * (account, region, action).
   */
  public String pacingKey() {
    return accountId + "/" + region;
  }

  /** The region of the task's slices as the sync tables store it: {@code *} if account-wide. */
  public String sliceRegion() {
    return accountWide ? SliceKey.ALL : region;
  }

  /** The key of {@code table}'s slice in this task (the task's table or one of its children). */
  public SliceKey sliceKey(String table) {
    return accountWide
        ? SliceKey.accountWide(table, accountId)
        : SliceKey.regional(table, accountId, region);
  }

  @Override
  public String toString() {
    return table + "/" + accountId + "/" + sliceRegion();
  }
}
