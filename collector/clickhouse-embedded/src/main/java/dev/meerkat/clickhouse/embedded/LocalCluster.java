package dev.meerkat.clickhouse.embedded;

import java.util.List;

/**
 * A cluster of servers on 127.0.0.1, written into an embedded server's {@code <remote_servers>} so
 * that its {@code Distributed} tables can reach the other servers: one shard (of one replica) per
 * TCP port, in order.
 *
 * @param name the cluster name, as {@code Distributed(name, ...)} refers to it
 * @param shardTcpPorts the native TCP port of each shard's server
 */
public record LocalCluster(String name, List<Integer> shardTcpPorts) {

  public LocalCluster {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("cluster name must be an identifier, got: " + name);
    }
    shardTcpPorts = List.copyOf(shardTcpPorts);
  }

  /** The {@code <remote_servers>} element (the same on 18.16 and current releases). */
  String remoteServersXml() {
    StringBuilder xml = new StringBuilder("  <remote_servers>\n    <" + name + ">\n");
    for (int port : shardTcpPorts) {
      xml.append("      <shard><replica><host>127.0.0.1</host><port>")
          .append(port)
          .append("</port></replica></shard>\n");
    }
    return xml.append("    </").append(name).append(">\n  </remote_servers>\n").toString();
  }
}
