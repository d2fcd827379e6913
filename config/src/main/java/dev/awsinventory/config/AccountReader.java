package dev.awsinventory.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code accounts} list of the AWS plugin options. */
final class AccountReader {
  private static final Pattern ROLE_ARN =
      Pattern.compile(
          "arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]+");
  static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
  static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
  static final String SESSION_NAME_RULE = "must be 2 to 64 letters, digits or +=,.@_-";
  static final String EXTERNAL_ID_RULE = "must be 2 to 1224 letters, digits or +=,.@:/_-";
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private AccountReader() {}

  /**
   * The {@code accounts} list; {@code regions} are the top-level ones, used for default regions.
   */
  static List<AccountConfig> read(List<YamlNode> items, List<String> regions)
      throws ConfigException {
    List<AccountConfig> accounts = new ArrayList<>();
    Map<String, YamlNode> names = new HashMap<>();
    for (YamlNode item : items) {
      YamlMap m = ConfigBlock.ACCOUNT.check(item);
      AccountConfig account = account(m, null, regions);
      YamlNode nameNode = nameNode(m);
      YamlNode first = names.putIfAbsent(account.name(), nameNode);
      if (first != null) {
        throw nameNode.error(
            "duplicate account name '"
                + account.name()
                + "' (first used at line "
                + first.line()
                + "); give each account its own account_name");
      }
      accounts.add(account);
    }
    return accounts;
  }

  /**
   * One account block of the {@code org} block ({@code admin_account}, {@code
   * member_trusted_principal}): {@code local_profile}, {@code role_arn}, {@code external_id},
   * {@code role_session_name}, {@code default_region}. Named {@code fallbackName} when it names
   * neither a role nor a profile.
   */
  static AccountConfig orgAccount(YamlNode node, String fallbackName, List<String> regions)
      throws ConfigException {
    YamlMap m = ConfigBlock.ORG_ACCOUNT.check(node);
    return account(m, fallbackName, regions);
  }

  /** The default region of the default credential chain's account (no {@code accounts}). */
  static String defaultChainRegion(YamlNode at, List<String> regions) {
    return Regions.defaultRegion(null, candidates(at.file(), null, regions, null));
  }

  private static AccountConfig account(YamlMap m, String fallbackName, List<String> globalRegions)
      throws ConfigException {
    String id = m.declares("id") ? m.string("id").map(String::trim).orElse(null) : null;
    String accountName = m.declares("account_name") ? m.string("account_name").orElse(null) : null;
    String profile = m.text("local_profile");
    String roleArn = m.string("role_arn").map(String::trim).orElse(null);
    String arnAccount = null;
    String partition = "aws";
    if (roleArn != null) {
      Matcher arn = ROLE_ARN.matcher(roleArn);
      if (!arn.matches()) {
        throw m.get("role_arn")
            .orElseThrow()
            .error(
                "malformed role ARN '"
                    + roleArn
                    + "'; expected arn:aws:iam::<12-digit account id>:role/<name>");
      }
      partition = arn.group(1);
      arnAccount = arn.group(2);
    }
    String idAccount = null;
    if (id != null && DIGITS.matcher(id).matches()) {
      YamlNode idNode = m.get("id").orElseThrow();
      if (id.length() != 12) {
        throw idNode.error(
            "an AWS account id has 12 digits, got " + id.length() + " in '" + id + "'");
      }
      if (arnAccount != null && !arnAccount.equals(id)) {
        throw idNode.error("id " + id + " is not the account of role_arn (" + arnAccount + ")");
      }
      idAccount = id;
    }
    if (id == null && accountName == null && roleArn == null && profile == null) {
      if (fallbackName != null) {
        accountName = fallbackName;
      } else {
        throw m.error(
            "an account needs at least one of id, account_name, role_arn or local_profile");
      }
    }
    List<String> ownRegions = regions(m);
    String name =
        accountName != null
            ? accountName
            : id != null ? id : arnAccount != null ? arnAccount : profile;
    return new AccountConfig(
        name,
        id,
        roleArn,
        checked(m, "role_session_name", SESSION_NAME, SESSION_NAME_RULE),
        checked(m, "external_id", EXTERNAL_ID, EXTERNAL_ID_RULE),
        profile,
        defaultRegion(m, roleArn == null ? null : partition, profile, globalRegions, ownRegions),
        ownRegions,
        idAccount != null ? idAccount : arnAccount);
  }

  static String checked(YamlMap m, String key, Pattern pattern, String rule)
      throws ConfigException {
    Optional<YamlNode> node = m.get(key);
    if (node.isEmpty()) {
      return null;
    }
    String value = node.get().string();
    if (!pattern.matcher(value).matches()) {
      throw node.get().error(rule);
    }
    return value;
  }

  /**
   * {@code default_region}; else the first of the account's regions, the top-level regions, {@code
   * AWS_REGION} and the profile's region that is in the partition of {@code role_arn} ({@code
   * partition}, null without a role); else the partition's usual first region.
   */
  private static String defaultRegion(
      YamlMap m,
      String partition,
      String profile,
      List<String> globalRegions,
      List<String> ownRegions)
      throws ConfigException {
    Optional<YamlNode> node = m.get("default_region");
    if (node.isEmpty()) {
      return Regions.defaultRegion(
          partition, candidates(m.node().file(), ownRegions, globalRegions, profile));
    }
    String region = RegionList.single(node.get());
    if (partition != null && !Regions.partition(region).equals(partition)) {
      throw node.get()
          .error(
              "region '"
                  + region
                  + "' is not in partition "
                  + partition
                  + " of role_arn; use for example "
                  + Regions.defaultRegion(partition));
    }
    return region;
  }

  /**
   * Where a default region may come from, in order: the account's own regions, the top-level
   * regions, {@code AWS_REGION}, then the {@code region} of the account's profile ({@code
   * local_profile}, else {@code AWS_PROFILE}, else {@code default}) in the shared config file.
   */
  private static List<String> candidates(
      YamlFile file, List<String> own, List<String> global, String profile) {
    List<String> out = new ArrayList<>();
    if (own != null) {
      out.addAll(own);
    }
    out.addAll(global);
    out.add(file.env().get("AWS_REGION"));
    ProfileRegion.of(file.env(), profile).ifPresent(out::add);
    return out;
  }

  private static List<String> regions(YamlMap m) throws ConfigException {
    if (!m.declares("regions")) {
      return null;
    }
    List<String> regions = RegionList.read(m.stringList("regions"));
    return regions.isEmpty() ? null : regions;
  }

  private static YamlNode nameNode(YamlMap m) {
    for (String key : List.of("account_name", "id", "role_arn", "local_profile")) {
      Optional<YamlNode> node = m.get(key);
      if (node.isPresent()) {
        return node.get();
      }
    }
    return m.node();
  }
}
