package dev.awsinventory.transforms.model;

/** How a table is fanned out: once per (account, region), or once per account. */
public enum Scope {
  REGIONAL,
  ACCOUNT
}
