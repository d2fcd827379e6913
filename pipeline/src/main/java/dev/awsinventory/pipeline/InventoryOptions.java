package dev.awsinventory.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;

/** The tool's own options; every other Beam option (--runner, ...) passes through. */
public interface InventoryOptions extends PipelineOptions {
  @Description("Path of the cloudquery.yml to run (required, except with --demo).")
  String getConfig();

  void setConfig(String value);

  @Description("Write a JSON summary of the run to this file.")
  String getSummaryFile();

  void setSummaryFile(String value);

  @Description(
      "Exit non-zero for: 'partial' (default: some slices failed gives exit 2) or 'fatal' "
          + "(only fatal errors give a non-zero exit; partial results exit 0).")
  @Default.Enum("PARTIAL")
  FailOn getFailOn();

  void setFailOn(FailOn value);

  @Description("Directory of the embedded PostgreSQL used when the config has no connection.")
  @Default.String(".aws-inventory")
  String getDbDir();

  void setDbDir(String value);

  /** The embedded PostgreSQL's port when {@code --db-port} is not given. */
  int DEFAULT_DB_PORT = 54329;

  @Description("Port of the embedded PostgreSQL.")
  @Default.Integer(DEFAULT_DB_PORT)
  int getDbPort();

  void setDbPort(int value);

  @Description("Keep the embedded PostgreSQL running after the run, until interrupted.")
  @Default.Boolean(false)
  boolean getHoldDb();

  void setHoldDb(boolean value);

  @Description("Slices fetched at once by each fetch worker (the work waits on HTTP, not CPU).")
  @Default.Integer(InventoryGraph.Fetching.DEFAULT_CONCURRENCY)
  int getFetchConcurrency();

  void setFetchConcurrency(int value);

  @Description(
      "Ask AWS for pages of at most this many items (0: each action's maximum). "
          + "For testing and debugging; smaller pages mean more calls.")
  @Default.Integer(0)
  int getPageSize();

  void setPageSize(int value);

  @Description(
      "Length of each AssumeRole session in seconds (900 up to the role's maximum); "
          + "sessions are renewed before they expire.")
  @Default.Integer(3600)
  int getRoleSessionSeconds();

  void setRoleSessionSeconds(int value);

  @Description("Pace AWS calls by AWS's documented EC2 rate limits (true) or not (false).")
  @Default.Boolean(true)
  boolean getRateLimit();

  void setRateLimit(boolean value);

  @Description(
      "Delete the rows this run did not cover at all (accounts removed from the config or "
          + "the organization, regions dropped): exactly the orphans the summary lists, one transaction "
          + "per table; never rows of an account that failed or is suspended.")
  @Default.Boolean(false)
  boolean getDeleteOrphans();

  void setDeleteOrphans(boolean value);

  @Description(
      "A slice (one table and its child tables in one account and region) that runs longer "
          + "than this many seconds fails: rows it already sent are kept, its stale rows are not deleted.")
  @Default.Long(1800)
  long getSliceTimeoutSeconds();

  void setSliceTimeoutSeconds(long value);

  @Description(
      "Route every slice of one (account, region) to one worker, so that AWS's request "
          + "buckets are paced by one token bucket for the whole job (true). false spreads slices at "
          + "random: each worker JVM then paces alone (for measurement only). The DirectRunner, one JVM, "
          + "groups them by account instead: its buckets are the job's.")
  @Default.Boolean(true)
  boolean getRouteByRegion();

  void setRouteByRegion(boolean value);

  @Description(
      "How long a schema change (a new table or column) may wait for its table lock, in "
          + "seconds (PostgreSQL's lock_timeout); then the run stops, naming the session that holds it.")
  @Default.Integer(10)
  int getLockTimeoutSeconds();

  void setLockTimeoutSeconds(int value);

  @Description("Seconds to wait for a database connection to open.")
  @Default.Integer(10)
  int getDbConnectTimeoutSeconds();

  void setDbConnectTimeoutSeconds(int value);

  @Description(
      "Seconds one database statement may wait for the server's answer before the "
          + "connection counts as lost (and the write is retried); longer than the slowest batch.")
  @Default.Integer(600)
  int getDbSocketTimeoutSeconds();

  void setDbSocketTimeoutSeconds(int value);

  @Description(
      "When another run of the same source is in progress, wait this many seconds for it "
          + "to end before giving up with exit 1 (0: give up at once).")
  @Default.Integer(0)
  int getWaitForLock();

  void setWaitForLock(int value);

  @Description(
      "Run the real pipeline against a built-in AWS simulator holding a three-account "
          + "organization with typical findings, into the embedded PostgreSQL, then print the report. "
          + "Needs no AWS credentials.")
  @Default.Boolean(false)
  boolean getDemo();

  void setDemo(boolean value);

  @Description(
      "Resolve everything a run would (config, credentials, AssumeRole per account, "
          + "DescribeRegions) and check the database, print what a run would fetch, and fetch and "
          + "write nothing. Exit 0 if a run could proceed, 1 otherwise.")
  @Default.Boolean(false)
  boolean getPlan();

  void setPlan(boolean value);

  @Description(
      "Print the results of the checks in docs/queries after the run; alone "
          + "(--report=only), print them from the existing database without fetching.")
  @Default.String("false")
  String getReport();

  void setReport(String value);

  @Description("Seconds between two progress lines during a run (0: no progress lines).")
  @Default.Integer(5)
  int getProgressInterval();

  void setProgressInterval(int value);

  @Description("Log line format: 'text' or 'json' (one JSON object per line).")
  @Default.String("text")
  String getLogFormat();

  void setLogFormat(String value);

  @Description("Least severe log level printed: error, warn, info, debug or trace.")
  @Default.String("info")
  String getLogLevel();

  void setLogLevel(String value);

  /**
   * Whether the command line named a runner ({@code --runner}); set by {@link Args#parse}, not an
   * option of its own. Without one the run's size chooses (see {@link RunnerChoice}).
   */
  @Hidden
  @Default.Boolean(false)
  boolean getRunnerGiven();

  void setRunnerGiven(boolean value);

  /**
   * Whether the command line gave the DirectRunner's thread count ({@code --targetParallelism});
   * set by {@link Args#parse}, not an option of its own. Without it a run on the DirectRunner gets
   * one thread per account, at most 16 (see {@link RunnerChoice}).
   */
  @Hidden
  @Default.Boolean(false)
  boolean getParallelismGiven();

  void setParallelismGiven(boolean value);
}
