package dev.awsinventory.transforms.postgres;

import javax.sql.DataSource;
import org.apache.beam.sdk.io.jdbc.JdbcIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.transforms.display.HasDisplayData;

/**
 * A DoFn that writes to the database: it carries JdbcIO's serializable configuration and builds the
 * live DataSource on the worker, from JdbcIO's own per-JVM pool, so a closed connection goes back
 * to the one pool every step shares. (A pool over that pool would keep its borrowed connections
 * idle and starve the writers of later runs.)
 */
abstract class DatabaseFn<InputT> extends DoFn<InputT, Void> {
  private final JdbcIO.DataSourceConfiguration database;
  private transient DataSource dataSource;

  DatabaseFn(JdbcIO.DataSourceConfiguration database) {
    this.database = database;
  }

  @Setup
  public void setup() {
    dataSource = provider().apply(null);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** The database's URL and user (JdbcIO's display data never includes the password). */
  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder.include("database", (HasDisplayData) provider());
  }

  private JdbcIO.DataSourceProviderFromDataSourceConfiguration provider() {
    return (JdbcIO.DataSourceProviderFromDataSourceConfiguration)
        JdbcIO.DataSourceProviderFromDataSourceConfiguration.of(database);
  }
}
