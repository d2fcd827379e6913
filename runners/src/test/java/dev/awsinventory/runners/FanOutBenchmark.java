package dev.awsinventory.runners;

import dev.awsinventory.testing.aws.Credentials;
import dev.awsinventory.testing.aws.FakeAws;
import dev.awsinventory.testing.db.TestDatabase;
import dev.awsinventory.testing.scenario.LegacyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness for fan-out: a fake AWS with a fixed latency per call, N accounts x M
 * regions with the first tables, and the jar run once per runner configuration given on the command
 * line, side by side. Prints wall time and rows per configuration. Run it with {@code
 * runners/bench/fanout.sh}.
 *
 * <p>Arguments: {@code accounts regions latencyMs [label=args...]...}, for example {@code 20 4 50
 * direct= flink-embedded=--runner=FlinkRunner,--flinkMaster=[local],--parallelism=2}. A label
 * starting with {@code flink-cluster} starts a local session cluster
 * (runners/flink/start-cluster.sh, with the source credentials in its environment), submits there
 * with the job jar, and stops the cluster afterwards; its wall time excludes the cluster's start.
 */
public final class FanOutBenchmark {
  private static final List<String> REGIONS =
      List.of(
          "us-east-1",
          "us-west-2",
          "eu-west-1",
          "eu-central-1",
          "ap-southeast-2",
          "ap-northeast-1",
          "sa-east-1",
          "ca-central-1");

  private FanOutBenchmark() {}

  private static String startCluster(Path state, Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("bash", "flink/start-cluster.sh", state.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the Flink cluster did not start");
    }
    return out.lines()
        .filter(l -> l.startsWith("FLINK_MASTER="))
        .findFirst()
        .orElseThrow()
        .substring("FLINK_MASTER=".length());
  }

  public static void main(String[] args) throws Exception {
    int accounts = Integer.parseInt(args[0]);
    int regions = Integer.parseInt(args[1]);
    int latencyMs = Integer.parseInt(args[2]);
    Path dir = Files.createTempDirectory("fanout-bench");
    try (FakeAws aws = FakeAws.start();
        TestDatabase pg = TestDatabase.start()) {
      Credentials source = aws.sourceUser("111111111111");
      StringBuilder accountList = new StringBuilder();
      for (int a = 0; a < accounts; a++) {
        String id = String.format("3%011d", a);
        String role = aws.account(id).role("InventoryRead", "111111111111");
        aws.account(id).regions(REGIONS.subList(0, regions).toArray(String[]::new));
        accountList.append("  - role_arn: \"").append(role).append("\"\n");
        for (String region : REGIONS.subList(0, regions)) {
          aws.account(id)
              .region(region)
              .fill("DescribeInstances", 5, a)
              .fill("DescribeVpcs", 3, a)
              .fill("DescribeSubnets", 6, a)
              .fill("DescribeSecurityGroups", 8, a);
        }
      }
      aws.faults().latency(Duration.ofMillis(latencyMs));
      Map<String, String> env = source.environment();
      System.out.printf(
          "fan-out: %d accounts x %d regions, %d ms per AWS call%n", accounts, regions, latencyMs);
      for (String spec : Arrays.copyOfRange(args, 3, args.length)) {
        String label = spec.substring(0, spec.indexOf('='));
        List<String> extra = new ArrayList<>();
        for (String a : spec.substring(spec.indexOf('=') + 1).split(",", -1)) {
          if (!a.isBlank()) {
            extra.add(a);
          }
        }
        String url = pg.newDatabase();
        Path config =
            LegacyConfig.write(
                dir.resolve(label + ".yml"),
                pg.port(),
                url,
                "[ec2.instances, ec2.vpcs, ec2.subnets, ec2.security_groups, regions]",
                """
            regions: ["*"]
            custom_endpoint_url: "%s"
            accounts:
            %s"""
                    .formatted(aws.endpoint(), accountList));
        List<String> all = new ArrayList<>(List.of("--config=" + config));
        all.addAll(extra);
        Path state = dir.resolve("flink-" + label);
        boolean cluster = label.startsWith("flink-cluster");
        if (cluster) {
          all.add("--flinkMaster=" + startCluster(state, env));
          all.add(
              "--filesToStage="
                  + Path.of(System.getProperty("flinkJobJar", "target/aws-inventory-flink-job.jar"))
                      .toAbsolutePath());
        }
        aws.resetCounters();
        long start = System.nanoTime();
        Jar.Result r;
        try {
          r = Jar.run(cluster ? Map.of() : env, dir, all.toArray(String[]::new));
        } finally {
          if (cluster) {
            new ProcessBuilder("bash", "flink/stop-cluster.sh", state.toString())
                .inheritIO()
                .start()
                .waitFor();
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows =
            TestDatabase.count(
                url,
                "SELECT (SELECT count(*) FROM aws_ec2_instances) + "
                    + "(SELECT count(*) FROM aws_ec2_vpcs) + (SELECT count(*) FROM aws_ec2_subnets) + "
                    + "(SELECT count(*) FROM aws_ec2_security_groups)");
        System.out.printf(
            "%-16s exit %d  %6.1f s wall  %6d rows  %5d DescribeInstances calls%n",
            label, r.exitCode(), seconds, rows, aws.calls("DescribeInstances"));
        r.stdout()
            .lines()
            .filter(l -> l.startsWith("aws-inventory run"))
            .forEach(l -> System.out.println("  " + l));
        r.stderr()
            .lines()
            .filter(l -> l.contains("ResolveAccounts") || l.contains(" ERROR "))
            .limit(5)
            .forEach(l -> System.out.println("  " + l));
        if (r.exitCode() != 0) {
          System.out.println(r);
        }
      }
    }
  }
}
