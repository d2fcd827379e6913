package dev.awsinventory.config;

import java.util.Optional;

/** Reads the AWS plugin options: legacy {@code configuration:} or the source's inner {@code spec:}. */
final class AwsOptions {
  private AwsOptions() {}

  static void read(YamlMap spec, InventoryConfig.Builder b) throws ConfigException {
    ConfigBlock.AWS.check(spec);
    b.regions = RegionList.read(spec.stringList("regions"));
    b.accounts = AccountReader.read(spec.list("accounts"), b.regions);
    Optional<YamlNode> org = spec.get("org");
    if (org.isPresent()) {
      if (!b.accounts.isEmpty()) {
        throw spec.keyNode("org").error("set either org (accounts discovered from AWS"
            + " Organizations) or accounts (listed by hand), not both");
      }
      b.org = OrgReader.read(org.get(), b.regions);
    }
    b.maxRetries = spec.integer("max_retries", 0).orElse(b.maxRetries);
    b.maxBackoffSeconds = spec.integer("max_backoff", 0).orElse(b.maxBackoffSeconds);
    b.concurrency = positiveOrDefault(spec.integer("concurrency", 0), b.concurrency);
    b.initializationConcurrency =
        positiveOrDefault(spec.integer("initialization_concurrency", 0), b.initializationConcurrency);
    b.customEndpointUrl = endpointUrl(spec);
    b.customEndpointHostnameImmutable = spec.bool("custom_endpoint_hostname_immutable").orElse(false);
    b.customEndpointPartitionId = spec.string("custom_endpoint_partition_id").orElse(null);
    b.customEndpointSigningRegion = spec.string("custom_endpoint_signing_region").orElse(null);
  }

  private static int positiveOrDefault(Optional<Integer> value, int fallback) {
    return value.filter(v -> v > 0).orElse(fallback);
  }

  private static String endpointUrl(YamlMap spec) throws ConfigException {
    Optional<YamlNode> node = spec.get("custom_endpoint_url");
    if (node.isEmpty()) {
      return null;
    }
    String url = node.get().string().trim();
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw node.get().error("expected an http:// or https:// URL, got '" + url + "'");
    }
    return url;
  }
}
