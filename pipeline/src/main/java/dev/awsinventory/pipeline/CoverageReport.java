package dev.awsinventory.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.org.AccountStatus;
import dev.awsinventory.transforms.postgres.Orphan;
import java.io.IOException;
import java.util.List;

/**
 * The part of the summary that accounts for every account and every old row: the organization's
 * accounts that were not fetched (with their state, or why they were skipped), member accounts
 * whose role was denied (and, for the management account, what to do about it), and orphan rows
 * with their last successful sync time.
 *
 * @param accounts every account of the organization as discovery decided (empty without {@code
 *     org})
 * @param failedAccounts the account slices ({@code *}) that failed
 * @param memberRoleName the {@code org} block's {@code member_role_name}, or null
 * @param orphans rows this run did not cover
 * @param orphansNote why orphans were not determined, or null
 */
public record CoverageReport(
    List<AccountStatus> accounts,
    List<SliceOutcome> failedAccounts,
    String memberRoleName,
    List<Orphan> orphans,
    String orphansNote) {

  public static final CoverageReport NONE =
      new CoverageReport(List.of(), List.of(), null, List.of(), null);

  long count(String disposition) {
    return accounts.stream().filter(a -> a.disposition().equals(disposition)).count();
  }

  /** Lines appended to the summary text. */
  String text() {
    StringBuilder out = new StringBuilder();
    if (!accounts.isEmpty()) {
      out.append(
          String.format(
              "  organization: %d accounts: %d fetched, %d not active, %d skipped, %d out of scope%n",
              accounts.size(),
              count(AccountStatus.FETCHED),
              count(AccountStatus.NOT_ACTIVE),
              count(AccountStatus.SKIPPED),
              count(AccountStatus.OUT_OF_SCOPE)));
    }
    for (AccountStatus a : accounts) {
      if (AccountStatus.NOT_ACTIVE.equals(a.disposition())) {
        out.append(
            String.format(
                "  NOT FETCHED account %s (%s): state %s; its rows are kept%n",
                a.accountId(), a.accountName(), a.state()));
      } else if (AccountStatus.SKIPPED.equals(a.disposition())) {
        out.append(
            String.format(
                "  SKIPPED account %s (%s): %s%n", a.accountId(), a.accountName(), a.detail()));
      }
    }
    for (SliceOutcome f : failedAccounts) {
      out.append(
          String.format(
              "  DENIED account %s (%s): %s%n", f.accountId(), f.accountName(), f.errorCode()));
      String hint = managementHint(f);
      if (hint != null) {
        out.append("    ").append(hint).append('\n');
      }
    }
    for (Orphan o : orphans) {
      out.append(
          String.format(
              "  ORPHAN %s account %s region %s: %d rows last synced %s, not covered by this run; %s%n",
              o.table(),
              o.accountId(),
              o.region(),
              o.rows(),
              o.lastSyncTime(),
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
        return "this is the organization's management account: its member role "
            + memberRoleName
            + " cannot be assumed there (Organizations creates that role only in accounts it creates); "
            + "create the role in the management account, or add "
            + a.accountId()
            + " to skip_member_accounts";
      }
    }
    return null;
  }

  /**
   * Writes this report's summary-file members: {@code organization_accounts}, {@code
   * denied_accounts}, {@code orphans} and {@code orphans_note}.
   *
   * @throws IOException from the generator
   */
  void writeJson(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("organization_accounts");
    for (AccountStatus a : accounts) {
      g.writeStartObject();
      g.writeStringField("account", a.accountId());
      g.writeStringField("account_name", a.accountName());
      g.writeStringField("state", a.state());
      g.writeStringField("disposition", a.disposition());
      g.writeStringField("parent_id", a.parentId());
      g.writeBooleanField("management", a.management());
      g.writeStringField("detail", a.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("denied_accounts");
    for (SliceOutcome f : failedAccounts) {
      g.writeStartObject();
      g.writeStringField("account", f.accountId());
      g.writeStringField("account_name", f.accountName());
      g.writeStringField("error_code", f.errorCode());
      g.writeStringField("hint", managementHint(f));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("orphans");
    for (Orphan o : orphans) {
      g.writeStartObject();
      g.writeStringField("table", o.table());
      g.writeStringField("account", o.accountId());
      g.writeStringField("region", o.region());
      g.writeNumberField("rows", o.rows());
      g.writeStringField("last_sync_time", o.lastSyncTime());
      g.writeBooleanField("deleted", o.deleted());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("orphans_note", orphansNote);
  }

  /** The failed slices of every table of an account, or of a region of it ({@code *} tables). */
  static List<SliceOutcome> failedAccounts(List<SliceOutcome> failed) {
    return failed.stream().filter(s -> !s.key().oneTable()).toList();
  }
}
