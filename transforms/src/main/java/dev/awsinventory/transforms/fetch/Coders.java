package dev.awsinventory.transforms.fetch;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.transforms.model.CallCounts;
import dev.awsinventory.transforms.model.SliceError;
import dev.awsinventory.transforms.model.SliceKey;
import dev.awsinventory.transforms.model.SliceOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Compact, deterministic Beam coders for the fan-out's elements (accounts, slices to fetch, slice
 * outcomes): each field in a fixed order with Beam's own coders, instead of Java serialization,
 * which writes class descriptors and costs CPU on every element a runner copies.
 */
public final class Coders {
  private static final Coder<String> TEXT = StringUtf8Coder.of();
  private static final Coder<String> OPTIONAL_TEXT = NullableCoder.of(StringUtf8Coder.of());
  private static final Coder<List<String>> TEXTS = ListCoder.of(StringUtf8Coder.of());
  private static final Coder<List<String>> OPTIONAL_TEXTS = NullableCoder.of(TEXTS);
  private static final Coder<Long> NUMBER = VarLongCoder.of();
  private static final Coder<Boolean> FLAG = BooleanCoder.of();

  private Coders() {}

  /** The coder of {@link AccountConfig}: all ten fields, absent ones as null. */
  public static Coder<AccountConfig> account() {
    return AccountCoder.INSTANCE;
  }

  /** The coder of {@link FetchTask}. */
  public static Coder<FetchTask> task() {
    return TaskCoder.INSTANCE;
  }

  /**
   * The coder of {@link SliceOutcome}: the key's stored text, the account name, the status's label
   * (ok, failed or skipped), the five counts and the error's code and message.
   */
  public static Coder<SliceOutcome> outcome() {
    return OutcomeCoder.INSTANCE;
  }

  private static final class AccountCoder extends AtomicCoder<AccountConfig> {
    static final AccountCoder INSTANCE = new AccountCoder();

    /** The account whose credentials assume this one's role (org member_trusted_principal). */
    private static final Coder<AccountConfig> OPTIONAL_ACCOUNT = NullableCoder.of(INSTANCE);

    @Override
    public void encode(AccountConfig a, OutputStream out) throws IOException {
      TEXT.encode(a.name(), out);
      OPTIONAL_TEXT.encode(a.id().orElse(null), out);
      OPTIONAL_TEXT.encode(a.roleArn().orElse(null), out);
      OPTIONAL_TEXT.encode(a.roleSessionName().orElse(null), out);
      OPTIONAL_TEXT.encode(a.externalId().orElse(null), out);
      OPTIONAL_TEXT.encode(a.localProfile().orElse(null), out);
      TEXT.encode(a.defaultRegion(), out);
      OPTIONAL_TEXTS.encode(a.regions().orElse(null), out);
      OPTIONAL_TEXT.encode(a.accountIdHint().orElse(null), out);
      OPTIONAL_ACCOUNT.encode(a.source().orElse(null), out);
    }

    @Override
    public AccountConfig decode(InputStream in) throws IOException {
      return AccountConfig.of(
          TEXT.decode(in),
          OPTIONAL_TEXT.decode(in),
          OPTIONAL_TEXT.decode(in),
          OPTIONAL_TEXT.decode(in),
          OPTIONAL_TEXT.decode(in),
          OPTIONAL_TEXT.decode(in),
          TEXT.decode(in),
          OPTIONAL_TEXTS.decode(in),
          OPTIONAL_TEXT.decode(in),
          OPTIONAL_ACCOUNT.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }

  private static final class TaskCoder extends AtomicCoder<FetchTask> {
    static final TaskCoder INSTANCE = new TaskCoder();

    @Override
    public void encode(FetchTask t, OutputStream out) throws IOException {
      AccountCoder.INSTANCE.encode(t.account(), out);
      TEXT.encode(t.accountId(), out);
      TEXT.encode(t.partition(), out);
      TEXT.encode(t.region(), out);
      TEXT.encode(t.table(), out);
      FLAG.encode(t.accountWide(), out);
      TEXTS.encode(t.children(), out);
    }

    @Override
    public FetchTask decode(InputStream in) throws IOException {
      return new FetchTask(
          AccountCoder.INSTANCE.decode(in),
          TEXT.decode(in),
          TEXT.decode(in),
          TEXT.decode(in),
          TEXT.decode(in),
          FLAG.decode(in),
          TEXTS.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }

  private static final class OutcomeCoder extends AtomicCoder<SliceOutcome> {
    static final OutcomeCoder INSTANCE = new OutcomeCoder();

    @Override
    public void encode(SliceOutcome o, OutputStream out) throws IOException {
      TEXT.encode(o.key().table(), out);
      OPTIONAL_TEXT.encode(o.key().accountId(), out);
      TEXT.encode(o.key().region(), out);
      OPTIONAL_TEXT.encode(o.accountName(), out);
      TEXT.encode(o.status().label(), out);
      CallCounts c = o.calls();
      NUMBER.encode(c.resources(), out);
      NUMBER.encode(c.pages(), out);
      NUMBER.encode(c.throttles(), out);
      NUMBER.encode(c.retries(), out);
      NUMBER.encode(c.durationMs(), out);
      OPTIONAL_TEXT.encode(o.errorCode(), out);
      OPTIONAL_TEXT.encode(o.errorMessage(), out);
    }

    @Override
    public SliceOutcome decode(InputStream in) throws IOException {
      SliceKey key = new SliceKey(TEXT.decode(in), OPTIONAL_TEXT.decode(in), TEXT.decode(in));
      String accountName = OPTIONAL_TEXT.decode(in);
      SliceOutcome.Status status = SliceOutcome.Status.ofLabel(TEXT.decode(in));
      CallCounts calls =
          new CallCounts(
              NUMBER.decode(in),
              NUMBER.decode(in),
              NUMBER.decode(in),
              NUMBER.decode(in),
              NUMBER.decode(in));
      SliceError error = SliceError.ofNullable(OPTIONAL_TEXT.decode(in), OPTIONAL_TEXT.decode(in));
      return new SliceOutcome(key, accountName, status, calls, error);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
