package dev.awsinventory.transforms.aws;

import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.config.Regions;
import java.io.Serializable;

/**
 * How workers reach AWS: endpoint, retries, rate limiting. Identifiers and numbers only;
 * credentials are found on the worker (default chain or profile), never carried here.
 */
public record AwsSettings(
    String endpointUrl,
    String signingRegion,
    String partitionId,
    int maxRetries,
    int maxBackoffSeconds,
    boolean rateLimit,
    int sessionDurationSeconds,
    int maxConnections,
    int pageSize)
    implements Serializable {

  public static final int DEFAULT_SESSION_SECONDS = 3600;

  public static AwsSettings from(InventoryConfig config) {
    return new AwsSettings(
        config.customEndpointUrl().orElse(null),
        config.customEndpointSigningRegion().orElse(null),
        config.customEndpointPartitionId().orElse(null),
        config.maxRetries(),
        config.maxBackoffSeconds(),
        true,
        DEFAULT_SESSION_SECONDS,
        256,
        0);
  }

  public AwsSettings withRateLimit(boolean on) {
    return new AwsSettings(
        endpointUrl,
        signingRegion,
        partitionId,
        maxRetries,
        maxBackoffSeconds,
        on,
        sessionDurationSeconds,
        maxConnections,
        pageSize);
  }

  public AwsSettings withSessionDurationSeconds(int seconds) {
    return new AwsSettings(
        endpointUrl,
        signingRegion,
        partitionId,
        maxRetries,
        maxBackoffSeconds,
        rateLimit,
        seconds,
        maxConnections,
        pageSize);
  }

  /** Asks for pages of at most {@code size} items (0: each action's maximum). */
  public AwsSettings withPageSize(int size) {
    return new AwsSettings(
        endpointUrl,
        signingRegion,
        partitionId,
        maxRetries,
        maxBackoffSeconds,
        rateLimit,
        sessionDurationSeconds,
        maxConnections,
        size);
  }

  /**
   * The partition of a region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...): {@code
   * custom_endpoint_partition_id} when set, else {@link Regions#partition} (the SDK's metadata).
   */
  public String partitionOf(String region) {
    return partitionId != null ? partitionId : Regions.partition(region);
  }
}
