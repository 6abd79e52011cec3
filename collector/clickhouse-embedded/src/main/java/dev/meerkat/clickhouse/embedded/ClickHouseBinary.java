package dev.meerkat.clickhouse.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the ClickHouse server executable and builds its command line. */
final class ClickHouseBinary {

  static final Path DEBIAN_PACKAGE_BINARY = Path.of("/usr/sbin/clickhouse-server");
  static final String BINARY_VARIABLE = "MEERKAT_CLICKHOUSE_BINARY";

  private ClickHouseBinary() {}

  /**
   * The executable: {@code explicit} if given, else {@code /usr/sbin/clickhouse-server}, else
   * {@code clickhouse-server} or {@code clickhouse} on the PATH.
   */
  static Path locate(Path explicit, Map<String, String> environment) {
    return locate(explicit, environment, DEBIAN_PACKAGE_BINARY);
  }

  static Path locate(Path explicit, Map<String, String> environment, Path packageBinary) {
    if (explicit != null) {
      if (!Files.isExecutable(explicit)) {
        throw new IllegalStateException(
            "ClickHouse binary " + explicit + " (" + BINARY_VARIABLE + ") is not executable");
      }
      return explicit;
    }
    if (Files.isExecutable(packageBinary)) {
      return packageBinary;
    }
    String path = environment.getOrDefault("PATH", "");
    for (String name : new String[] {"clickhouse-server", "clickhouse"}) {
      for (String directory : path.split(":")) {
        if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, name))) {
          return Path.of(directory, name);
        }
      }
    }
    throw new IllegalStateException(
        "No ClickHouse server binary found (looked for "
            + packageBinary
            + ", clickhouse-server and clickhouse on the PATH). Install it with"
            + " `apt-get install clickhouse-server`, set "
            + BINARY_VARIABLE
            + " to its path, or set MEERKAT_CLICKHOUSE_URL to use an existing ClickHouse server.");
  }

  static List<String> command(Path binary, Path configFile) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    // The single multi-tool binary of current releases needs the "server" sub-command.
    if (binary.getFileName().toString().equals("clickhouse")) {
      command.add("server");
    }
    command.add("--config-file=" + configFile);
    return command;
  }
}
