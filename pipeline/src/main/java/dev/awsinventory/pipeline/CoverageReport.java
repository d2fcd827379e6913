package dev.awsinventory.pipeline;

import dev.awsinventory.transforms.fetch.FetchTask;
import dev.awsinventory.transforms.fetch.SliceOutcome;
import dev.awsinventory.transforms.org.AccountStatus;
import dev.awsinventory.transforms.postgres.Orphan;
import java.util.List;

/**
 * The part of the summary that accounts for every account and every old row: the organization's
 * accounts that were not fetched (with their state, or why they were skipped), member accounts
 * whose role was denied (and, for the management account, what to do about it), and orphan rows
 * with their last successful sync time.
 *
 * @param accounts every account of the organization as discovery decided (empty without {@code org})
 * @param failedAccounts the account slices ({@code *}) that failed
 * @param memberRoleName the {@code org} block's {@code member_role_name}, or null
 * @param orphans rows this run did not cover
 * @param orphansNote why orphans were not determined, or null
 */
public record CoverageReport(List<AccountStatus> accounts, List<SliceOutcome> failedAccounts,
    String memberRoleName, List<Orphan> orphans, String orphansNote) {

  public static final CoverageReport NONE = new CoverageReport(List.of(), List.of(), null, List.of(), null);

  long count(String disposition) {
    return accounts.stream().filter(a -> a.disposition().equals(disposition)).count();
  }

  /** Lines appended to the summary text. */
  String text() {
    StringBuilder out = new StringBuilder();
    if (!accounts.isEmpty()) {
      out.append(String.format("  organization: %d accounts: %d fetched, %d not active, %d skipped, %d out of scope%n",
          accounts.size(), count(AccountStatus.FETCHED), count(AccountStatus.NOT_ACTIVE),
          count(AccountStatus.SKIPPED), count(AccountStatus.OUT_OF_SCOPE)));
    }
    for (AccountStatus a : accounts) {
      if (AccountStatus.NOT_ACTIVE.equals(a.disposition())) {
        out.append(String.format("  NOT FETCHED account %s (%s): state %s; its rows are kept%n", a.accountId(),
            a.accountName(), a.state()));
      } else if (AccountStatus.SKIPPED.equals(a.disposition())) {
        out.append(String.format("  SKIPPED account %s (%s): %s%n", a.accountId(), a.accountName(), a.detail()));
      }
    }
    for (SliceOutcome f : failedAccounts) {
      out.append(String.format("  DENIED account %s (%s): %s%n", f.accountId(), f.accountName(), f.errorCode()));
      String hint = managementHint(f);
      if (hint != null) {
        out.append("    ").append(hint).append('\n');
      }
    }
    for (Orphan o : orphans) {
      out.append(String.format("  ORPHAN %s account %s region %s: %d rows last synced %s, not covered by this run; %s%n",
          o.table(), o.accountId(), o.region(), o.rows(), o.lastSyncTime(),
          o.deleted() ? "deleted (--delete-orphans)" : "kept (--delete-orphans deletes them)"));
    }
    if (orphansNote != null) {
      out.append("  orphans not determined: ").append(orphansNote).append('\n');
    }
    return out.toString();
  }

  /** For the management account whose member role failed: what to do. */
  String managementHint(SliceOutcome failed) {
    if (memberRoleName == null) {
      return null;
    }
    for (AccountStatus a : accounts) {
      if (a.management() && a.accountId().equals(failed.accountId())) {
        return "this is the organization's management account: its member role " + memberRoleName
            + " cannot be assumed there (Organizations creates that role only in accounts it creates); "
            + "create the role in the management account, or add " + a.accountId() + " to skip_member_accounts";
      }
    }
    return null;
  }

  /** JSON members (each followed by a comma and newline) for the summary file. */
  String json() {
    StringBuilder out = new StringBuilder();
    out.append("  \"organization_accounts\": [");
    for (int i = 0; i < accounts.size(); i++) {
      AccountStatus a = accounts.get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {\"account\": ").append(Summary.str(a.accountId()))
          .append(", \"account_name\": ").append(Summary.str(a.accountName()))
          .append(", \"state\": ").append(Summary.str(a.state()))
          .append(", \"disposition\": ").append(Summary.str(a.disposition()))
          .append(", \"parent_id\": ").append(Summary.str(a.parentId()))
          .append(", \"management\": ").append(a.management())
          .append(", \"detail\": ").append(Summary.str(a.detail())).append('}');
    }
    out.append(accounts.isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"denied_accounts\": [");
    for (int i = 0; i < failedAccounts.size(); i++) {
      SliceOutcome f = failedAccounts.get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {\"account\": ").append(Summary.str(f.accountId()))
          .append(", \"account_name\": ").append(Summary.str(f.accountName()))
          .append(", \"error_code\": ").append(Summary.str(f.errorCode()))
          .append(", \"hint\": ").append(Summary.str(managementHint(f))).append('}');
    }
    out.append(failedAccounts.isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"orphans\": [");
    for (int i = 0; i < orphans.size(); i++) {
      Orphan o = orphans.get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {\"table\": ").append(Summary.str(o.table()))
          .append(", \"account\": ").append(Summary.str(o.accountId()))
          .append(", \"region\": ").append(Summary.str(o.region()))
          .append(", \"rows\": ").append(o.rows())
          .append(", \"last_sync_time\": ").append(Summary.str(o.lastSyncTime()))
          .append(", \"deleted\": ").append(o.deleted()).append('}');
    }
    out.append(orphans.isEmpty() ? "],\n" : "\n  ],\n");
    out.append("  \"orphans_note\": ").append(Summary.str(orphansNote)).append(",\n");
    return out.toString();
  }

  static List<SliceOutcome> failedAccounts(List<SliceOutcome> failed) {
    return failed.stream().filter(s -> FetchTask.ALL.equals(s.table())).toList();
  }
}
