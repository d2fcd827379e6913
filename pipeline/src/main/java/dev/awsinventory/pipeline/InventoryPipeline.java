package dev.awsinventory.pipeline;

import dev.awsinventory.config.AccountConfig;
import dev.awsinventory.config.ConfigException;
import dev.awsinventory.config.ConfigLoader;
import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.transforms.aws.AwsClients;
import dev.awsinventory.transforms.aws.AwsSettings;
import dev.awsinventory.transforms.fetch.Errors;
import dev.awsinventory.transforms.model.SyncRun;
import dev.awsinventory.transforms.model.Table;
import dev.awsinventory.transforms.postgres.Schema;
import dev.awsinventory.transforms.postgres.SchemaException;
import dev.awsinventory.transforms.postgres.SourceLock;
import dev.awsinventory.transforms.postgres.SyncTables;
import dev.awsinventory.transforms.tables.TableRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * The driver: load and check the config, prepare the database, run the pipeline on whichever runner
 * the options name, then read the outcome back from the sync tables to print the summary and choose
 * the exit code: 0 all slices ok, 2 some failed, 1 fatal.
 */
public final class InventoryPipeline {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FATAL = 1;
  public static final int EXIT_PARTIAL = 2;

  private final PrintStream out;
  private final PrintStream err;
  private List<String> unsupportedTables = List.of();
  private boolean summaryFileUnwritten;
  private String runner;

  /** Whether a run on the embedded database ends with how to query it (the demo has its own). */
  boolean queryHint = true;

  public InventoryPipeline(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new InventoryPipeline(System.out, System.err).run(args).exitCode());
  }

  /**
   * The simple class name of the runner the last {@link #run} chose ({@code DirectRunner}, {@code
   * FlinkRunner}), or null when it ended before choosing one (bad config, {@code --help}).
   */
  public String runner() {
    return runner;
  }

  /** Parses the command line and runs; bad options are a fatal error, not a stack trace. */
  public Result run(String[] args) {
    String misused = Help.misused(args);
    if (misused != null) {
      err.println("aws-inventory: " + misused);
      return new Result(EXIT_FATAL, null);
    }
    if (Help.answer(args, out)) {
      return new Result(EXIT_OK, null);
    }
    String badLogOption = LogOptions.apply(args);
    if (badLogOption != null) {
      err.println("aws-inventory: " + badLogOption);
      return new Result(EXIT_FATAL, null);
    }
    InventoryOptions options;
    try {
      options = Args.parse(args);
    } catch (RuntimeException e) {
      err.println(
          "aws-inventory: " + oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
      return new Result(EXIT_FATAL, null);
    }
    return run(options);
  }

  public Result run(InventoryOptions options) {
    if (options.getDemo()) {
      if (options.getConfig() != null) {
        err.println(
            "aws-inventory: --demo uses its own simulated AWS and config: give --demo or --config="
                + options.getConfig()
                + ", not both");
        return new Result(EXIT_FATAL, null);
      }
      return Demo.run(this, options, out, err);
    }
    long start = System.nanoTime();
    String runId = UUID.randomUUID().toString();
    if (options.getConfig() == null) {
      err.println(
          "aws-inventory: --config=FILE is required (try --demo to see it work without AWS, or --help)");
      return new Result(EXIT_FATAL, null);
    }
    InventoryConfig config;
    List<Table<?>> tables;
    try {
      config = ConfigLoader.load(Path.of(options.getConfig()));
      if (options.getSummaryFile() != null) {
        OptionChecks.notReadByTheConfig(options.getSummaryFile(), config.filesRead());
      }
      TableRegistry.Selection selection =
          TableRegistry.choose(config.tables(), config.skipTables());
      tables = selection.tables();
      unsupportedTables = selection.unsupported();
      config.warnings().forEach(w -> err.println("warning: " + w));
      if (!unsupportedTables.isEmpty()) {
        err.println(
            "warning: not fetched, aws-inventory does not have these CloudQuery tables: "
                + String.join(", ", unsupportedTables)
                + "; the run goes on");
      }
    } catch (ConfigException e) {
      err.println("config error: " + e.getMessage());
      return new Result(EXIT_FATAL, null);
    } catch (OptionChecks.BadValue e) {
      err.println("aws-inventory: " + e.getMessage());
      return new Result(EXIT_FATAL, null);
    } catch (RuntimeException e) {
      err.println(
          "config error: "
              + options.getConfig()
              + ":1:1: cannot read the config: "
              + oneLine(String.valueOf(e.getMessage())));
      return new Result(EXIT_FATAL, null);
    }
    AwsSettings aws = awsSettings(options, config);
    if (options.getPlan()) {
      return new Result(
          Plan.run(
              config,
              tables,
              aws,
              config.database().map(Database::of).orElse(null),
              Path.of(options.getDbDir()).toAbsolutePath().toString(),
              out,
              err),
          null);
    }
    EmbeddedRunner inJvm;
    try {
      inJvm = "only".equals(options.getReport()) ? null : RunnerChoice.apply(options, config);
      runner = options.getRunner().getSimpleName();
    } catch (IllegalArgumentException e) {
      err.println("aws-inventory: " + oneLine(String.valueOf(e.getMessage())));
      return new Result(EXIT_FATAL, null);
    }
    AwsClients checked = null;
    if (!"only".equals(options.getReport()) && (inJvm != null || Preflight.appliesTo(options))) {
      // the clients stay acquired during the run, so the pipeline reuses the sessions checked here
      checked = AwsClients.acquire(aws);
      String fatal = Preflight.beforeRun(checked, config, err);
      if (fatal != null) {
        checked.release();
        err.println("aws-inventory: " + fatal);
        Summary failed = Summary.builder(runId).fatal(fatal).seconds(seconds(start)).build();
        writeSummaryFile(options, failed);
        return new Result(EXIT_FATAL, failed);
      }
    }
    if (inJvm != null && !options.getRunnerGiven()) {
      err.println(
          "aws-inventory: "
              + (config.org().isPresent()
                  ? "an organization"
                  : RunnerChoice.pairs(config) + " account-region pairs")
              + ": running on "
              + inJvm.name()
              + " embedded in this JVM (--runner=DirectRunner keeps the DirectRunner)");
    }
    EmbeddedDatabase embedded = null;
    try {
      Database db;
      if (config.database().isPresent()) {
        db = Database.of(config.database().get());
      } else {
        embedded = EmbeddedDatabase.start(Path.of(options.getDbDir()), options.getDbPort());
        db = embedded.database();
        out.println(
            "Embedded PostgreSQL (data in "
                + embedded.dataDir()
                + ") is running at "
                + embedded.jdbcUrl()
                + " (user postgres)");
        out.println("  while it runs:  " + embedded.psqlCommand());
      }
      db =
          db.withTimeouts(
              Duration.ofSeconds(options.getDbConnectTimeoutSeconds()),
              Duration.ofSeconds(options.getDbSocketTimeoutSeconds()));
      if ("only".equals(options.getReport())) {
        return new Result(printReport(db) ? EXIT_OK : EXIT_FATAL, null);
      }
      Summary summary = sync(options, config, tables, db, runId, start);
      if ("true".equals(options.getReport()) && summary.status() != Summary.Status.FAILED) {
        printReport(db);
      }
      if (embedded != null) {
        if (options.getHoldDb()) {
          out.println("Query the data now: " + embedded.psqlCommand());
          holdUntilInterrupted(embedded);
        } else if (queryHint) {
          out.println(
              "Query the data afterwards: run again with --hold-db=true to keep the database up,"
                  + " then "
                  + embedded.psqlCommand());
        }
      }
      int exitCode = exitCode(summary, options.getFailOn());
      return new Result(summaryFileUnwritten ? Math.max(exitCode, EXIT_FATAL) : exitCode, summary);
    } catch (IOException e) {
      err.println(
          "aws-inventory: cannot start the embedded PostgreSQL: " + Errors.redact(e.getMessage()));
      return new Result(EXIT_FATAL, null);
    } finally {
      if (checked != null) {
        checked.release();
      }
      if (embedded != null) {
        try {
          embedded.close();
        } catch (IOException e) {
          err.println("aws-inventory: stopping the embedded PostgreSQL: " + e.getMessage());
        }
      }
    }
  }

  /**
   * Holds the source's run lock (see {@link SourceLock}) for the whole run: schema, pipeline and
   * summary. A second run of the same source waits up to {@code --wait-for-lock} seconds.
   */
  private Summary sync(
      InventoryOptions options,
      InventoryConfig config,
      List<Table<?>> tables,
      Database db,
      String runId,
      long start) {
    SourceLock lock;
    try {
      lock =
          SourceLock.acquire(
              db.connect(),
              config.sourceName(),
              host(),
              Duration.ofSeconds(Math.max(0, options.getWaitForLock())));
    } catch (SQLException e) {
      return fatal(options, runId, unreachable(db, e), start);
    } catch (SourceLock.Busy e) {
      return fatal(options, runId, e.getMessage(), start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fatal(options, runId, "interrupted while waiting for the run lock", start);
    }
    try (lock) {
      return syncLocked(options, config, tables, new RunSession(lock.session(), db), runId, start);
    }
  }

  /** Reports a run that ended before any fetch: the summary of a fatal error. */
  private Summary fatal(InventoryOptions options, String runId, String error, long start) {
    return report(options, Summary.builder(runId).fatal(error).seconds(seconds(start)).build());
  }

  private static String unreachable(Database db, SQLException e) {
    return DatabaseProblem.of(db, e, "the config");
  }

  private Summary syncLocked(
      InventoryOptions options,
      InventoryConfig config,
      List<Table<?>> tables,
      RunSession session,
      String runId,
      long start) {
    Database db = session.database();
    SyncRun run = SyncRun.startingNow(runId, config.sourceName(), config.writeMode());
    String runner = options.getRunner().getSimpleName();
    try {
      int interrupted =
          session.call(
              c -> {
                Schema.ensure(
                    c,
                    tables,
                    config.writeMode(),
                    config.pkMode(),
                    Duration.ofSeconds(Math.max(1, options.getLockTimeoutSeconds())));
                return SyncTables.startRun(c, run, runner);
              });
      if (interrupted > 0) {
        err.println(
            "warning: "
                + interrupted
                + " earlier run(s) of source "
                + config.sourceName()
                + " ended without recording their end (killed, or the machine or database"
                + " stopped); marked interrupted in aws_inventory_sync_runs");
      }
    } catch (SQLException e) {
      return fatal(options, runId, unreachable(db, e), start);
    } catch (SchemaException e) {
      return fatal(options, runId, e.getMessage(), start);
    }
    List<AccountConfig> accounts =
        config.org().isPresent()
            ? List.of()
            : config.accounts().isEmpty()
                ? List.of(config.defaultChainAccount())
                : config.accounts();
    AwsSettings aws = awsSettings(options, config);
    Pipeline p = Pipeline.create(options);
    new InventoryGraph(
            accounts,
            config.regions(),
            tables,
            aws,
            db.beam(),
            run,
            config.org().orElse(null),
            InventoryGraph.Fetching.DEFAULT
                .withConcurrency(options.getFetchConcurrency())
                .withSliceTimeout(Duration.ofSeconds(Math.max(1, options.getSliceTimeoutSeconds())))
                .withDeniedRegionsSkipped(config.skipDeniedRegions())
                .withGrouping(grouping(options)))
        .addTo(p);
    String pipelineError = null;
    Progress progress = Progress.start(session, runId, err, options.getProgressInterval());
    try {
      PipelineResult result = p.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        pipelineError = "the pipeline ended in state " + state;
      }
      RunMetrics.log(result);
    } catch (RuntimeException e) {
      pipelineError = "the pipeline failed: " + Errors.redact(rootMessage(e));
    } finally {
      if (progress != null) {
        progress.close();
      }
    }
    Summary summary =
        finish(options, session, runId, accounts.size(), pipelineError, start, config, tables);
    if (config.sendSyncSummary() && pipelineError == null) {
      try {
        session.call(
            c -> {
              SyncSummaryRow.write(c, run, tables, summary, SyncTables.slices(c, runId));
              return null;
            });
      } catch (SQLException e) {
        err.println(
            "aws-inventory: cannot write "
                + SyncSummaryRow.TABLE
                + ": "
                + Errors.redact(e.getMessage()));
      }
    }
    return summary;
  }

  private Summary finish(
      InventoryOptions options,
      RunSession session,
      String runId,
      int accountCount,
      String pipelineError,
      long start,
      InventoryConfig config,
      List<Table<?>> tables) {
    try {
      Summary summary =
          session.call(
              c -> {
                Summary s =
                    pipelineError != null
                        ? Summary.builder(runId)
                            .fatal(pipelineError)
                            .seconds(seconds(start))
                            .build()
                        : Summary.of(
                            runId, SyncTables.slices(c, runId), accountCount, seconds(start));
                if (pipelineError == null) {
                  s = OrgRun.cover(c, s, runId, config, tables, options.getDeleteOrphans());
                }
                SyncTables.finishRun(
                    c,
                    runId,
                    s.status().label(),
                    s.resources(),
                    s.slicesOk(),
                    s.failed().size(),
                    s.error());
                return s;
              });
      return report(options, summary);
    } catch (SQLException e) {
      String error =
          (pipelineError != null ? pipelineError + "; " : "")
              + "cannot read the outcome from the database: "
              + Errors.redact(e.getMessage());
      return fatal(options, runId, error, start);
    }
  }

  private Summary report(InventoryOptions options, Summary result) {
    Summary summary = result.withUnsupportedTables(unsupportedTables);
    (summary.status() == Summary.Status.OK ? out : err).print(summary.text());
    writeSummaryFile(options, summary);
    return summary;
  }

  private void writeSummaryFile(InventoryOptions options, Summary summary) {
    if (options.getSummaryFile() != null) {
      try {
        summary.writeTo(Path.of(options.getSummaryFile()));
      } catch (IOException e) {
        summaryFileUnwritten = true;
        err.println(
            "aws-inventory: cannot write the summary file "
                + options.getSummaryFile()
                + ": "
                + fileProblem(e));
      }
    }
  }

  /** What went wrong with a file, in words: {@code no such file or directory}, say. */
  private static String fileProblem(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * How fetch tasks are grouped. By (account, region), so that one token bucket paces each of AWS's
   * buckets for the whole job, unless {@code --routeByRegion=false} (at random, measurement only).
   * The DirectRunner is one JVM, whose buckets already are the job's: there they are grouped by
   * account, one bundle each, and the runner gets a thread per account ({@link RunnerChoice}).
   */
  static InventoryGraph.Grouping grouping(InventoryOptions options) {
    if ("DirectRunner".equals(options.getRunner().getSimpleName())) {
      return InventoryGraph.Grouping.ACCOUNT;
    }
    return options.getRouteByRegion()
        ? InventoryGraph.Grouping.ACCOUNT_REGION
        : InventoryGraph.Grouping.RANDOM;
  }

  private static AwsSettings awsSettings(InventoryOptions options, InventoryConfig config) {
    return AwsSettings.from(config).toBuilder()
        .rateLimit(options.getRateLimit())
        .pageSize(options.getPageSize())
        .sessionDurationSeconds(options.getRoleSessionSeconds())
        .build();
  }

  /** Prints the checks of docs/queries; false if the database cannot be reached. */
  private boolean printReport(Database db) {
    try (Connection c = db.connect()) {
      Report.print(c, out);
      return true;
    } catch (SQLException e) {
      err.println("aws-inventory: report: " + DatabaseProblem.of(db, e, "the config"));
      return false;
    }
  }

  /** Error text on one line (Beam's option errors span several). */
  static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  static int exitCode(Summary summary, FailOn failOn) {
    return switch (summary.status()) {
      case OK -> EXIT_OK;
      case PARTIAL -> failOn == FailOn.FATAL ? EXIT_OK : EXIT_PARTIAL;
      case FAILED -> EXIT_FATAL;
    };
  }

  private void holdUntilInterrupted(EmbeddedDatabase embedded) {
    out.println("Holding the database open at " + embedded.jdbcUrl() + "; press Ctrl-C to stop.");
    try {
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** This machine's name, shown to a run of the same source that has to wait. */
  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      String env = System.getenv("HOSTNAME");
      return env != null ? env : "unknown";
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** The exit code and, unless the config or options were rejected, the summary. */
  public record Result(int exitCode, Summary summary) {}
}
