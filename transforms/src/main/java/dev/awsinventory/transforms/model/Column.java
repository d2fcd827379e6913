package dev.awsinventory.transforms.model;

import java.io.Serializable;

/** One column of a table: its name and PostgreSQL type. */
public record Column(String name, ColumnType type) implements Serializable {}
