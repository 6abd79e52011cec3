package dev.meerkat.demo;

/** Reads a demo option: the positional argument, else the environment variable, else a default. */
final class DemoConfig {
  private DemoConfig() {}

  static String get(String[] args, int index, String env, String fallback) {
    if (args.length > index && !args[index].isBlank()) {
      return args[index];
    }
    String value = System.getenv(env);
    return value == null || value.isBlank() ? fallback : value;
  }
}
