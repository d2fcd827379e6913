package dev.awsinventory.transforms.aws;

import dev.awsinventory.config.InventoryConfig;
import dev.awsinventory.config.Regions;
import java.io.Serializable;

/**
 * How workers reach AWS: endpoint, retries, rate limiting. Identifiers and numbers only;
 * credentials are found on the worker (default chain or profile), never carried here. Made by
 * {@link #from} from the config; changed through {@link #toBuilder()}, which names each part. A
 * value (equal settings share one {@link AwsClients} per JVM).
 *
 * @param endpointUrl {@code custom_endpoint_url}, or null for AWS's own endpoints
 * @param signingRegion {@code custom_endpoint_signing_region}, or null
 * @param partitionId {@code custom_endpoint_partition_id}, or null (see {@link #partitionOf})
 * @param maxRetries attempts the SDK retries per call ({@code max_retries})
 * @param maxBackoffSeconds the longest wait between two attempts ({@code max_backoff})
 * @param rateLimit whether calls are paced by AWS's documented EC2 rate limits
 * @param sessionDurationSeconds the length of each AssumeRole session
 * @param maxConnections HTTP connections per client
 * @param pageSize items asked per page (0: each action's maximum)
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

  /** AssumeRole session length unless told otherwise ({@code --role-session-seconds}). */
  public static final int DEFAULT_SESSION_SECONDS = 3600;

  /** HTTP connections per client unless told otherwise. */
  static final int DEFAULT_MAX_CONNECTIONS = 256;

  /**
   * The config's endpoint and retry settings, with calls rate limited, sessions of {@value
   * #DEFAULT_SESSION_SECONDS} s, {@value #DEFAULT_MAX_CONNECTIONS} connections per client and pages
   * of each action's maximum.
   */
  public static AwsSettings from(InventoryConfig config) {
    Builder b = new Builder();
    b.endpointUrl = config.customEndpointUrl().orElse(null);
    b.signingRegion = config.customEndpointSigningRegion().orElse(null);
    b.partitionId = config.customEndpointPartitionId().orElse(null);
    b.maxRetries = config.maxRetries();
    b.maxBackoffSeconds = config.maxBackoffSeconds();
    b.rateLimit = true;
    b.sessionDurationSeconds = DEFAULT_SESSION_SECONDS;
    b.maxConnections = DEFAULT_MAX_CONNECTIONS;
    b.pageSize = 0;
    return b.build();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.endpointUrl = endpointUrl;
    b.signingRegion = signingRegion;
    b.partitionId = partitionId;
    b.maxRetries = maxRetries;
    b.maxBackoffSeconds = maxBackoffSeconds;
    b.rateLimit = rateLimit;
    b.sessionDurationSeconds = sessionDurationSeconds;
    b.maxConnections = maxConnections;
    b.pageSize = pageSize;
    return b;
  }

  /** Changes settings by name; made by {@link AwsSettings#toBuilder()}. */
  public static final class Builder {
    private String endpointUrl;
    private String signingRegion;
    private String partitionId;
    private int maxRetries;
    private int maxBackoffSeconds;
    private boolean rateLimit;
    private int sessionDurationSeconds;
    private int maxConnections;
    private int pageSize;

    private Builder() {}

    /** Paces calls by AWS's documented EC2 rate limits ({@code true}) or not. */
    public Builder rateLimit(boolean on) {
      this.rateLimit = on;
      return this;
    }

    /** The length of each AssumeRole session, in seconds. */
    public Builder sessionDurationSeconds(int seconds) {
      this.sessionDurationSeconds = seconds;
      return this;
    }

    /** Asks for pages of at most {@code size} items (0: each action's maximum). */
    public Builder pageSize(int size) {
      this.pageSize = size;
      return this;
    }

    /** The settings as changed. */
    public AwsSettings build() {
      return new AwsSettings(
          endpointUrl,
          signingRegion,
          partitionId,
          maxRetries,
          maxBackoffSeconds,
          rateLimit,
          sessionDurationSeconds,
          maxConnections,
          pageSize);
    }
  }

  /**
   * The partition of a region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...): {@code
   * custom_endpoint_partition_id} when set, else {@link Regions#partition} (the SDK's metadata).
   */
  public String partitionOf(String region) {
    return partitionId != null ? partitionId : Regions.partition(region);
  }
}
