package dev.awsinventory.transforms.org;

import java.util.Map;
import software.amazon.awssdk.services.organizations.model.Root;

/** A root of the organization and its tags (null when not listed). */
public record OrgRoot(Root root, Map<String, String> tags) {}
