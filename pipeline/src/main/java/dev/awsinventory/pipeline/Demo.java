package dev.awsinventory.pipeline;

import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.scenario.DemoOrganization;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --demo}: the real pipeline against a simulated AWS started in this JVM on 127.0.0.1 (the
 * project's fake STS and EC2 endpoint), holding {@link DemoOrganization}, written into the embedded
 * PostgreSQL under {@code <db-dir>/demo}, then the report. The simulator's credentials are given to
 * the SDK as system properties (which come before the environment and {@code ~/.aws} in the SDK's
 * default chain), so no real AWS credential is read or needed.
 */
final class Demo {
  static final String BANNER =
      "*** DEMO: the AWS below is a SIMULATOR running inside this program "
          + "(127.0.0.1); no real AWS account is read. ***";

  /** The same, closing the demo's output. */
  static final String CLOSING_BANNER =
      "*** DEMO: the AWS above was a SIMULATOR running inside this program "
          + "(127.0.0.1); no real AWS account was read. ***";

  private Demo() {}

  static InventoryPipeline.Result run(
      InventoryPipeline pipeline, InventoryOptions options, PrintStream out, PrintStream err) {
    out.println(BANNER);
    String oldKey = System.getProperty("aws.accessKeyId");
    String oldSecret = System.getProperty("aws.secretAccessKey");
    try (FakeAws aws = FakeAws.start()) {
      DemoOrganization org = new DemoOrganization(aws);
      Path dir = Path.of(options.getDbDir()).toAbsolutePath().resolve("demo");
      Files.createDirectories(dir);
      Path config = dir.resolve("demo-cloudquery.yml");
      Files.writeString(
          config,
          """
          # written by aws-inventory --demo: three accounts in a simulated AWS at %s
          cloudquery:
            providers:
              - name: aws
                source: cloudquery/aws
                version: latest
          providers:
            - name: aws
              resources: %s
              configuration:
          %s"""
              .formatted(
                  aws.endpoint(), DemoOrganization.tablesYaml(), org.configuration().indent(6)));
      out.println(
          "Simulated organization: "
              + org.members.size()
              + " accounts ("
              + String.join(
                  ", ", org.members.stream().map(m -> m.name() + " " + m.accountId()).toList())
              + "), regions "
              + String.join(", ", DemoOrganization.REGIONS)
              + ", each account read through its role "
              + DemoOrganization.ROLE
              + "; config: "
              + config);
      System.setProperty("aws.accessKeyId", org.managementUser.accessKeyId());
      System.setProperty("aws.secretAccessKey", org.managementUser.secretAccessKey());
      options.setDemo(false);
      options.setConfig(config.toString());
      options.setDbDir(dir.toString());
      if ("false".equals(options.getReport())) {
        options.setReport("true");
      }
      pipeline.queryHint = false; // the hint below says it for the demo
      InventoryPipeline.Result result = pipeline.run(options);
      if (result.summary() == null) {
        return result; // it ended before the run (the database did not start): nothing to query
      }
      out.println();
      out.println(CLOSING_BANNER);
      out.println("The queries are in docs/queries/*.sql. To query the demo data yourself:");
      out.println(
          "  "
              + jarCommand()
              + " --demo --hold-db=true"
              + (options.getDbPort() == InventoryOptions.DEFAULT_DB_PORT
                  ? ""
                  : " --db-port=" + options.getDbPort()));
      out.println(
          "  psql -h localhost -p "
              + options.getDbPort()
              + " -U postgres postgres    (in another terminal)");
      return result;
    } catch (IOException e) {
      err.println("aws-inventory: demo: " + e.getMessage());
      return new InventoryPipeline.Result(InventoryPipeline.EXIT_FATAL, null);
    } finally {
      restore("aws.accessKeyId", oldKey);
      restore("aws.secretAccessKey", oldSecret);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  /**
   * How to run this jar again from any directory: {@code java -jar} and the absolute path of the
   * jar this class was loaded from, when the JVM runs that jar; else (from the source tree, {@code
   * mvn exec:java}) the path the README's build gives it.
   */
  static String jarCommand() {
    String classPath = System.getProperty("java.class.path", "");
    try {
      Path jar = Path.of(classPath).toAbsolutePath().normalize();
      Path own =
          Path.of(Demo.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath()
              .normalize();
      if (!classPath.contains(File.pathSeparator) && jar.equals(own)) {
        return "java -jar " + jar;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // the README's path below
    }
    return "java -jar runners/target/aws-inventory.jar";
  }
}
