package dev.awsinventory.config;

import java.util.ArrayList;
import java.util.List;

/** Reads and checks region names and region globs. */
final class RegionList {
  private RegionList() {}

  static List<String> read(List<YamlNode> items) throws ConfigException {
    List<String> regions = new ArrayList<>();
    for (YamlNode item : items) {
      String region = item.string().trim();
      if (region.isEmpty()) {
        throw item.error("empty region name");
      }
      if (!Regions.isPattern(region)) {
        checkKnown(item, region);
      }
      regions.add(region);
    }
    return regions;
  }

  /** One exact region name, no glob. */
  static String single(YamlNode item) throws ConfigException {
    String region = item.string().trim();
    if (Regions.isPattern(region)) {
      throw item.error("expected one region name, not a pattern: '" + region + "'");
    }
    checkKnown(item, region);
    return region;
  }

  /**
   * A region of the SDK's metadata passes; a well-formed newer one ({@code eu-central-3}) passes
   * with a warning and is checked at run time against DescribeRegions; anything else fails with the
   * closest known name.
   */
  private static void checkKnown(YamlNode item, String region) throws ConfigException {
    if (Regions.isKnown(region)) {
      return;
    }
    if (Regions.isWellFormed(region)) {
      item.warn(
          "region '"
              + region
              + "' is not in this version's AWS SDK region list; it is"
              + " fetched only where DescribeRegions lists it for the account");
      return;
    }
    throw item.error(
        "unknown region '" + region + "'" + Suggest.didYouMean(region, Regions.known()));
  }
}
