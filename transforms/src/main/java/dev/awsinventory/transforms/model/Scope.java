package dev.awsinventory.transforms.model;

/**
 * How a table is fanned out: once per (account, region), once per account, or once per run for the
 * organization (from the {@code org} block's admin credentials).
 */
public enum Scope {
  REGIONAL,
  ACCOUNT,
  ORGANIZATION
}
