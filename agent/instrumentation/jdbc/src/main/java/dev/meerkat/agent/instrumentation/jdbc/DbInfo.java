package dev.meerkat.agent.instrumentation.jdbc;

import java.util.Locale;

/**
 * What a connection URL says about the database: {@code db.system}, {@code db.namespace} (the
 * database name), {@code server.address} and {@code server.port} (-1 when the URL has none). Never
 * the user, password or other parameters. Immutable.
 */
final class DbInfo {
  static final DbInfo UNKNOWN = new DbInfo("other_sql", null, null, -1);

  final String system;
  final String namespace;
  final String host;
  final int port;

  DbInfo(String system, String namespace, String host, int port) {
    this.system = system;
    this.namespace = namespace;
    this.host = host;
    this.port = port;
  }

  /** Reads a JDBC URL; what it cannot read is left out, never guessed. */
  static DbInfo parse(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return UNKNOWN;
    }
    String rest = url.substring(5);
    // Wrapping drivers (p6spy, the OpenTelemetry JDBC driver) put their name first.
    for (String wrapper : new String[] {"p6spy:", "otel:", "log4jdbc:"}) {
      if (rest.regionMatches(true, 0, wrapper, 0, wrapper.length())) {
        rest = rest.substring(wrapper.length());
      }
    }
    int colon = rest.indexOf(':');
    if (colon < 0) {
      return UNKNOWN;
    }
    String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String address = rest.substring(colon + 1);
    switch (subprotocol) {
      case "postgresql":
      case "pgsql":
        return postgresql(address);
      case "h2":
        return h2(address);
      case "mysql":
      case "mariadb":
      case "db2":
      case "clickhouse":
      case "derby":
        return hostPortPath(system(subprotocol), address);
      case "sqlserver":
        return sqlServer(address);
      default:
        return new DbInfo(system(subprotocol), null, null, -1);
    }
  }

  /** Semconv's {@code db.system} value for a JDBC subprotocol. */
  static String system(String subprotocol) {
    switch (subprotocol) {
      case "postgresql":
      case "pgsql":
        return "postgresql";
      case "h2":
      case "mysql":
      case "mariadb":
      case "oracle":
      case "db2":
      case "hsqldb":
      case "derby":
      case "sqlite":
      case "clickhouse":
        return subprotocol;
      case "sqlserver":
      case "jtds":
        return "mssql";
      default:
        return "other_sql";
    }
  }

  /** {@code //host[:port][,host2...]/database[?...]} or just {@code database}. */
  private static DbInfo postgresql(String address) {
    if (!address.startsWith("//")) {
      return new DbInfo("postgresql", emptyToNull(until(address, "?")), null, -1);
    }
    return hostPortPath("postgresql", address);
  }

  /**
   * {@code mem:name}, {@code file:path}, {@code tcp://host:port/path}, {@code path}; {@code
   * ;options}.
   */
  private static DbInfo h2(String address) {
    String location = until(address, ";");
    if (location.regionMatches(true, 0, "mem:", 0, 4)) {
      return new DbInfo("h2", emptyToNull(location.substring(4)), null, -1);
    }
    if (location.regionMatches(true, 0, "tcp:", 0, 4)
        || location.regionMatches(true, 0, "ssl:", 0, 4)) {
      return hostPortPath("h2", location.substring(4));
    }
    if (location.regionMatches(true, 0, "file:", 0, 5)) {
      location = location.substring(5);
    }
    return new DbInfo("h2", emptyToNull(location), null, -1);
  }

  /** {@code //host[:port];databaseName=db;...}. */
  private static DbInfo sqlServer(String address) {
    DbInfo server = hostPortPath("mssql", until(address, ";"));
    String database = null;
    for (String property : address.split(";")) {
      int equals = property.indexOf('=');
      if (equals > 0) {
        String key = property.substring(0, equals).trim();
        if (key.equalsIgnoreCase("databaseName") || key.equalsIgnoreCase("database")) {
          database = emptyToNull(property.substring(equals + 1).trim());
        }
      }
    }
    return new DbInfo("mssql", database, server.host, server.port);
  }

  /** {@code //host[:port][,more hosts]/path[?params]} (the first host; IPv6 in brackets). */
  private static DbInfo hostPortPath(String system, String address) {
    if (!address.startsWith("//")) {
      return new DbInfo(system, null, null, -1);
    }
    String rest = until(until(address.substring(2), "?"), ";");
    int slash = rest.indexOf('/');
    String hosts = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? null : emptyToNull(rest.substring(slash + 1));
    String first = until(hosts, ",");
    int at = first.lastIndexOf('@');
    if (at >= 0) {
      first = first.substring(at + 1);
    }
    String host = first;
    int port = -1;
    int portColon =
        first.startsWith("[") ? first.indexOf(':', first.indexOf(']')) : first.indexOf(':');
    if (portColon >= 0) {
      host = first.substring(0, portColon);
      try {
        port = Integer.parseInt(first.substring(portColon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new DbInfo(system, path, emptyToNull(host), port);
  }

  private static String until(String value, String delimiter) {
    int index = value.indexOf(delimiter);
    return index < 0 ? value : value.substring(0, index);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  @Override
  public String toString() {
    return "DbInfo{" + system + ", " + namespace + ", " + host + ", " + port + "}";
  }
}
