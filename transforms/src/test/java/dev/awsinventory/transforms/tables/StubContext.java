package dev.awsinventory.transforms.tables;

import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.model.FetchContext;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.RowContext;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.model.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A fetch context for table unit tests: a fixed account, region and partition, and an EC2 client
 * that a test stubs with the few calls its table makes (every other call throws {@link
 * UnsupportedOperationException}, the SDK interface's default). The configured page size is 2, so
 * every table is asked for pages of 2 and the stubs serve two pages.
 */
record StubContext(Ec2Client ec2) implements FetchContext {
  static final String ACCOUNT = "123456789012";
  static final String REGION = "eu-west-1";
  static final String PARTITION = "aws";
  static final String SOURCE = "aws";
  static final String SYNC_TIME = "2025-01-02T03:04:05Z";
  static final int PAGE_SIZE = 2;

  @Override
  public String accountId() {
    return ACCOUNT;
  }

  @Override
  public String region() {
    return REGION;
  }

  @Override
  public String partition() {
    return PARTITION;
  }

  @Override
  public int pageSize(int actionMaximum) {
    return Math.min(PAGE_SIZE, actionMaximum);
  }

  static RowContext rowContext() {
    SyncRun run =
        new SyncRun(
            "00000000-0000-0000-0000-000000000001",
            SOURCE,
            Instant.parse(SYNC_TIME),
            WriteMode.OVERWRITE_DELETE_STALE);
    return new RowContext(run, ACCOUNT, REGION, PARTITION);
  }

  /** Lists a top-level table and converts every resource, as the fetch step does. */
  static <T> List<Map<String, String>> rows(Table<T> table, Ec2Client ec2) {
    List<Map<String, String>> out = new ArrayList<>();
    table
        .list(new StubContext(ec2))
        .forEach(item -> out.add(cells(table, table.row(item, rowContext()))));
    return out;
  }

  /** Lists a child table for one parent resource whose row is {@code parentRow}. */
  static <T> List<Map<String, String>> childRows(
      Table<T> child, Ec2Client ec2, Object parent, ResourceRow parentRow) {
    RowContext ctx = rowContext().withParent(child.parent(), parentRow);
    List<Map<String, String>> out = new ArrayList<>();
    child
        .listFor(new StubContext(ec2), parent)
        .forEach(item -> out.add(cells(child, child.row(item, ctx))));
    return out;
  }

  /** A parent resource's row, as the fetch step makes it before listing the children. */
  @SuppressWarnings("unchecked")
  static <P> ResourceRow parentRow(Table<P> parent, Object item) {
    return parent.row((P) item, rowContext());
  }

  /** A row as column name to stored text. */
  static Map<String, String> cells(Table<?> table, ResourceRow row) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> names = table.columnNames();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), row.value(i));
    }
    return out;
  }

  /** An EC2 client with no calls; tests override the ones their table makes. */
  abstract static class Ec2 implements Ec2Client {
    @Override
    public String serviceName() {
      return SERVICE_NAME;
    }

    @Override
    public void close() {}
  }
}
