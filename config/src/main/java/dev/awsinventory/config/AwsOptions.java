package dev.awsinventory.config;

import java.util.Optional;

/**
 * Reads the AWS plugin options: legacy {@code configuration:} or the source's inner {@code spec:}.
 * Values and defaults come through the declarations of {@link ConfigBlock#AWS}.
 */
final class AwsOptions {
  /** The {@code denied_regions} value that skips denied regions. */
  static final String SKIP = "skip";

  private AwsOptions() {}

  static void read(YamlMap spec, InventoryConfig.Builder b) throws ConfigException {
    ConfigBlock.AWS.check(spec);
    b.regions = RegionList.read(spec.stringList("regions"));
    b.accounts = AccountReader.read(spec.list("accounts"), b.regions);
    Optional<YamlNode> org = spec.get("org");
    if (org.isPresent()) {
      if (!b.accounts.isEmpty()) {
        throw spec.keyNode("org")
            .error(
                "set either org (accounts discovered from AWS"
                    + " Organizations) or accounts (listed by hand), not both");
      }
      b.org = OrgReader.read(org.get(), b.regions);
    }
    b.maxRetries = spec.number("max_retries", 0);
    b.maxBackoffSeconds = spec.number("max_backoff", 0);
    b.customEndpointUrl = endpointUrl(spec);
    b.skipDeniedRegions = deniedRegions(spec);
    b.customEndpointPartitionId = spec.text("custom_endpoint_partition_id");
    b.customEndpointSigningRegion = spec.text("custom_endpoint_signing_region");
  }

  /**
   * {@code denied_regions: fail} (default) or {@code skip}: what a region denied by an SCP does.
   */
  private static boolean deniedRegions(YamlMap spec) throws ConfigException {
    String value = spec.text("denied_regions").trim();
    if (!value.equals("fail") && !value.equals(SKIP)) {
      throw spec.get("denied_regions")
          .orElseThrow()
          .error("expected 'fail' or 'skip', got '" + value + "'");
    }
    return value.equals(SKIP);
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
