package dev.awsinventory.pipeline;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.WriteMode;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.fetch.FetchResources;
import dev.awsinventory.transforms.fetch.FetchTask;
import dev.awsinventory.transforms.fetch.ResolveAccounts;
import dev.awsinventory.transforms.fetch.SliceOutcome;
import dev.awsinventory.transforms.model.ResourceRow;
import dev.awsinventory.transforms.model.ResourceRowCoder;
import dev.awsinventory.transforms.model.Scope;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.postgres.FinishSlices;
import dev.awsinventory.transforms.postgres.ProgressTable;
import dev.awsinventory.transforms.postgres.WriteRows;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The pipeline: accounts (spread, so that accounts are set up in parallel) -> regions x
 * tables -> spread -> fetch -> upsert per table -> (after
 * every write) delete stale rows of the slices that succeeded and record every slice.
 */
public record InventoryGraph(List<AccountConfig> accounts, List<String> regions, List<Table<?>> tables,
    AwsSettings aws, JdbcIO.DataSourceConfiguration database, WriteMode mode, String runId,
    String sourceName, String syncTime, int fetchConcurrency) {

  public void addTo(Pipeline p) {
    List<String> regional = names(Scope.REGIONAL);
    List<String> perAccount = names(Scope.ACCOUNT);
    PCollectionTuple resolved = p
        .apply("Accounts", Create.of(accounts).withCoder(SerializableCoder.of(AccountConfig.class)))
        .apply("SpreadAccounts", Reshuffle.viaRandomKey())
        .apply("ResolveRegions", ParDo.of(new ResolveAccounts(aws, regions, regional, perAccount, children()))
            .withOutputTags(ResolveAccounts.TASKS, TupleTagList.of(ResolveAccounts.FAILED)));
    PCollection<FetchTask> tasks = resolved.get(ResolveAccounts.TASKS)
        .setCoder(SerializableCoder.of(FetchTask.class));
    tasks.apply("RecordPlanned", ParDo.of(new ProgressTable.RecordPlanned(database, runId)));
    PCollectionTuple fetched = tasks
        .apply("Spread", Reshuffle.viaRandomKey())
        .apply("Fetch", ParDo.of(new FetchResources(aws, sourceName, syncTime, fetchConcurrency))
            .withOutputTags(FetchResources.ROWS, TupleTagList.of(FetchResources.OUTCOMES)));
    PCollection<ResourceRow> rows = fetched.get(FetchResources.ROWS).setCoder(ResourceRowCoder.of());
    PCollection<Void> written = rows.apply("Write", new WriteRows(database, mode));
    SerializableCoder<SliceOutcome> outcomeCoder = SerializableCoder.of(SliceOutcome.class);
    PCollection<SliceOutcome> outcomes = PCollectionList.of(fetched.get(FetchResources.OUTCOMES).setCoder(outcomeCoder))
        .and(resolved.get(ResolveAccounts.FAILED).setCoder(outcomeCoder))
        .apply("Outcomes", Flatten.pCollections());
    outcomes.apply("RecordProgress", ParDo.of(new ProgressTable.RecordOutcome(database, runId)));
    outcomes
        .apply("AfterWrites", Wait.on(written))
        .apply("FinishSlices", ParDo.of(new FinishSlices(database, runId, sourceName, syncTime, mode)));
  }

  /** Top-level tables of a scope; child tables are fetched within their parent's slice. */
  private List<String> names(Scope scope) {
    return tables.stream().filter(t -> t.parent() == null && t.scope() == scope).map(Table::name).toList();
  }

  private Map<String, List<String>> children() {
    return tables.stream().filter(t -> t.parent() != null).collect(Collectors.groupingBy(
        t -> t.parent().name(), Collectors.mapping(Table::name, Collectors.toList())));
  }
}
