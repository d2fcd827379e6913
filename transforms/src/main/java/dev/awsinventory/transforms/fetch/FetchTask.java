package dev.awsinventory.transforms.fetch;

import dev.awsinventory.config.AccountConfig;
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

  public static final String ALL = "*";

  /**
   * The key that routes the task to the worker pacing its calls: the account and the region its
   * calls go to (an account-wide table's default region), as AWS's request buckets are per
   * (account, region, action).
   */
  public String pacingKey() {
    return accountId + "/" + region;
  }

  public String sliceRegion() {
    return accountWide ? ALL : region;
  }

  @Override
  public String toString() {
    return table + "/" + accountId + "/" + sliceRegion();
  }
}
