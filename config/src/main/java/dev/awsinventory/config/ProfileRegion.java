package dev.awsinventory.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The {@code region} of a profile in the shared AWS config file, read with the SDK's profile
 * parser. The file is {@code AWS_CONFIG_FILE}, else {@code $HOME/.aws/config}, both taken from the
 * environment the config is loaded with; the profile is the given one, else {@code AWS_PROFILE},
 * else {@code default}.
 */
final class ProfileRegion {
  private ProfileRegion() {}

  /** The profile's region; empty when there is no file, no such profile or no region in it. */
  static Optional<String> of(Map<String, String> env, String profile) {
    String file = env.get("AWS_CONFIG_FILE");
    if (file == null && env.get("HOME") != null) {
      file = env.get("HOME") + "/.aws/config";
    }
    String name = profile != null ? profile : env.getOrDefault("AWS_PROFILE", "default");
    try {
      if (file == null || !Files.isRegularFile(Path.of(file))) {
        return Optional.empty();
      }
      ProfileFile profiles =
          ProfileFile.builder().content(Path.of(file)).type(ProfileFile.Type.CONFIGURATION).build();
      return profiles
          .profile(name)
          .flatMap(p -> p.property("region"))
          .map(String::trim)
          .filter(r -> !r.isEmpty());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
