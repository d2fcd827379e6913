package dev.awsinventory.testing.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;

/** DescribeRegions as AWS answers it from an account's enabled and not-opted-in regions. */
final class RegionCatalog {

  /** Regions AWS ships disabled; accounts must opt in. */
  static final Set<String> OPT_IN =
      Set.of(
          "af-south-1",
          "ap-east-1",
          "ap-east-2",
          "ap-south-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-5",
          "ap-southeast-6",
          "ap-southeast-7",
          "ca-west-1",
          "eu-central-2",
          "eu-south-1",
          "eu-south-2",
          "il-central-1",
          "me-central-1",
          "me-south-1",
          "mx-central-1");

  private RegionCatalog() {}

  static DescribeRegionsResponse describe(FakeAccount account, Call call) {
    boolean all = "true".equalsIgnoreCase(call.param("AllRegions"));
    List<String> names = new ArrayList<>(account.enabledRegions());
    if (all) {
      names.addAll(account.notOptedInRegions());
    }
    List<String> wanted = call.list("RegionName");
    Map<String, List<String>> filters = call.filters();
    List<Region> regions = new ArrayList<>();
    for (String name : names) {
      Region region =
          Region.builder()
              .regionName(name)
              .endpoint("ec2." + name + ".amazonaws.com")
              .optInStatus(status(account, name))
              .build();
      if ((wanted.isEmpty() || wanted.contains(name)) && matches(region, filters)) {
        regions.add(region);
      }
    }
    return DescribeRegionsResponse.builder().regions(regions).build();
  }

  private static String status(FakeAccount account, String region) {
    if (account.notOptedInRegions().contains(region)) {
      return "not-opted-in";
    }
    return OPT_IN.contains(region) ? "opted-in" : "opt-in-not-required";
  }

  private static boolean matches(Region region, Map<String, List<String>> filters) {
    for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
      String value =
          switch (filter.getKey()) {
            case "region-name" -> region.regionName();
            case "opt-in-status" -> region.optInStatus();
            case "endpoint" -> region.endpoint();
            default -> null;
          };
      if (value != null && !filter.getValue().contains(value)) {
        return false;
      }
    }
    return true;
  }
}
