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

  private static void checkKnown(YamlNode item, String region) throws ConfigException {
    if (!Regions.known().contains(region)) {
      throw item.error(
          "unknown region '" + region + "'" + Suggest.didYouMean(region, Regions.known()));
    }
  }
}
