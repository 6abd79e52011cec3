package dev.meerkat.clickhouse.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes config.xml and users.xml for a private server that listens on 127.0.0.1 only. */
final class EmbeddedClickHouseConfigFiles {

  private EmbeddedClickHouseConfigFiles() {}

  /** Writes both files under {@code dataDir} and returns the path of config.xml. */
  static Path configFile(Path root) {
    return root.resolve("config.xml");
  }

  static Path write(Path dataDir, int httpPort, int tcpPort) throws IOException {
    return write(dataDir, httpPort, tcpPort, null);
  }

  /** As {@link #write(Path, int, int)}, with {@code cluster} (may be null) in remote_servers. */
  static Path write(Path dataDir, int httpPort, int tcpPort, LocalCluster cluster)
      throws IOException {
    Path root = dataDir.toAbsolutePath();
    for (String directory : new String[] {"data", "tmp", "user_files", "format_schemas", "log"}) {
      Files.createDirectories(root.resolve(directory));
    }
    Path users = root.resolve("users.xml");
    Files.writeString(users, USERS_XML, StandardCharsets.UTF_8);
    Path config = configFile(root);
    // The root element is <yandex> on 18.16; current releases still accept it.
    String xml =
        CONFIG_XML
            .replace("@ROOT@", root.toString())
            .replace("@HTTP_PORT@", Integer.toString(httpPort))
            .replace("@TCP_PORT@", Integer.toString(tcpPort))
            .replace("@REMOTE_SERVERS@", cluster == null ? "" : cluster.remoteServersXml());
    Files.writeString(config, xml, StandardCharsets.UTF_8);
    return config;
  }

  private static final String CONFIG_XML =
      """
      <?xml version="1.0"?>
      <yandex>
        <logger>
          <level>information</level>
          <log>@ROOT@/log/clickhouse-server.log</log>
          <errorlog>@ROOT@/log/clickhouse-server.err.log</errorlog>
          <size>50M</size>
          <count>2</count>
        </logger>
        <listen_host>127.0.0.1</listen_host>
        <http_port>@HTTP_PORT@</http_port>
        <tcp_port>@TCP_PORT@</tcp_port>
        <path>@ROOT@/data/</path>
        <tmp_path>@ROOT@/tmp/</tmp_path>
        <user_files_path>@ROOT@/user_files/</user_files_path>
        <format_schema_path>@ROOT@/format_schemas/</format_schema_path>
        <users_config>@ROOT@/users.xml</users_config>
        <default_profile>default</default_profile>
        <default_database>default</default_database>
        <mark_cache_size>536870912</mark_cache_size>
        <max_table_size_to_drop>0</max_table_size_to_drop>
        <max_partition_size_to_drop>0</max_partition_size_to_drop>
      @REMOTE_SERVERS@</yandex>
      """;

  private static final String USERS_XML =
      """
      <?xml version="1.0"?>
      <yandex>
        <profiles><default></default></profiles>
        <users>
          <default>
            <password></password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
          </default>
        </users>
        <quotas><default></default></quotas>
      </yandex>
      """;
}
