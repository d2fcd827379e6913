package dev.awsinventory.config;

import java.util.Map;

/** The file being read: its name as given, and the environment for {@code ${NAME}}. */
record YamlFile(String name, Map<String, String> env) {}
