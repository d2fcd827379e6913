package dev.awsinventory.transforms.model;

import dev.awsinventory.transforms.org.OrgTree;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** What a table's list call gets on the worker: a client for one account and region. */
public interface FetchContext {
  Ec2Client ec2();

  String accountId();

  String region();

  String partition();

  /**
   * The MaxResults to ask for: the action's own maximum, unless a smaller page size was configured
   * (for tests and debugging). Passing it keeps the big actions in AWS's larger rate-limit bucket.
   */
  int pageSize(int actionMaximum);

  /** The organization account discovery walked; only organization tables are given one. */
  default OrgTree organization() {
    throw new UnsupportedOperationException(
        "only organization tables are listed from the organization");
  }
}
