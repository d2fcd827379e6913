package dev.awsinventory.pipeline;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Beam counters of a finished run as the runner reports them (on Flink, the job's
 * accumulators): resources, pages, throttles, retries and slices per table. Logged at debug only
 * ({@code --log-level=debug}): the summary gives the same figures per table, from the sync tables,
 * the same on every runner.
 */
final class RunMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(RunMetrics.class);

  private RunMetrics() {}

  static void log(PipelineResult result) {
    try {
      MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
      Map<String, Long> counters = new TreeMap<>();
      for (MetricResult<Long> c : metrics.getCounters()) {
        counters.merge(
            c.getName().getNamespace() + "/" + c.getName().getName(),
            committedOrAttempted(c),
            Long::sum);
      }
      counters.forEach((name, value) -> LOG.debug("metric {} = {}", name, value));
    } catch (UnsupportedOperationException | IllegalStateException e) {
      LOG.debug("the runner reports no metrics: {}", e.getMessage());
    }
  }

  private static long committedOrAttempted(MetricResult<Long> c) {
    try {
      return c.getCommitted();
    } catch (UnsupportedOperationException e) {
      return c.getAttempted();
    }
  }
}
