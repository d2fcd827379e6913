package dev.awsinventory.pipeline;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.OrgConfig;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.fetch.Coders;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.ResourceRowCoder;
import dev.awsinventory.transforms.model.SliceOutcome;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.org.AccountStatus;
import dev.awsinventory.transforms.org.DiscoverAccounts;
import dev.awsinventory.transforms.postgres.RecordAccounts;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The accounts of an {@code org} block as a PCollection: {@code Create(org)} then {@link
 * DiscoverAccounts} on a worker (so a Flink TaskManager calls Organizations with its own
 * credentials and the client needs none). Records every account's status, and yields the
 * organization tables' rows and outcomes for the graph's writes.
 */
final class OrgAccounts {
  private final OrgConfig org;
  private final AwsSettings aws;
  private final List<String> tables;
  private final Map<String, List<String>> children;
  private final JdbcIO.DataSourceConfiguration database;
  private final SyncRun run;
  private PCollectionTuple discovered;

  OrgAccounts(
      OrgConfig org,
      AwsSettings aws,
      List<String> tables,
      Map<String, List<String>> children,
      JdbcIO.DataSourceConfiguration database,
      SyncRun run) {
    this.org = org;
    this.aws = aws;
    this.tables = tables;
    this.children = children;
    this.database = database;
    this.run = run;
  }

  /** The member accounts to fetch. */
  PCollection<AccountConfig> expand(Pipeline p) {
    discovered =
        p.apply(
                "Organization",
                Create.of(List.of(org)).withCoder(SerializableCoder.of(OrgConfig.class)))
            .apply(
                "DiscoverAccounts",
                ParDo.of(
                        new DiscoverAccounts(
                            aws, tables, children, run, DiscoverAccounts.DEFAULT_PACE))
                    .withOutputTags(
                        DiscoverAccounts.MEMBERS,
                        TupleTagList.of(DiscoverAccounts.STATUS)
                            .and(DiscoverAccounts.ROWS)
                            .and(DiscoverAccounts.OUTCOMES)));
    discovered
        .get(DiscoverAccounts.STATUS)
        .setCoder(SerializableCoder.of(AccountStatus.class))
        .apply("RecordAccounts", ParDo.of(new RecordAccounts(database, run)));
    return discovered.get(DiscoverAccounts.MEMBERS).setCoder(Coders.account());
  }

  PCollection<ResourceRow> rows() {
    return discovered.get(DiscoverAccounts.ROWS).setCoder(ResourceRowCoder.of());
  }

  PCollection<SliceOutcome> outcomes() {
    return discovered.get(DiscoverAccounts.OUTCOMES).setCoder(Coders.outcome());
  }
}
