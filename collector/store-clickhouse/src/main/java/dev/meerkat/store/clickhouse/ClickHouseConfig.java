package dev.meerkat.store.clickhouse;

import java.util.Objects;

/**
 * Where and as whom to reach ClickHouse over HTTP.
 *
 * @param url base HTTP URL, for example {@code http://127.0.0.1:8123}
 * @param database database holding Meerkat's tables, {@code meerkat} by default
 * @param user user name, {@code default} by default
 * @param password password, empty by default (never null: client-v2 would send "null")
 */
public record ClickHouseConfig(String url, String database, String user, String password) {

  public static final String DEFAULT_DATABASE = "meerkat";
  public static final String DEFAULT_USER = "default";

  public ClickHouseConfig {
    Objects.requireNonNull(url, "url");
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException(
          "ClickHouse URL must start with http:// or https://, got: " + url);
    }
    database = database == null || database.isBlank() ? DEFAULT_DATABASE : database;
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "ClickHouse database name must match [A-Za-z_][A-Za-z0-9_]*, got: " + database);
    }
    user = user == null || user.isBlank() ? DEFAULT_USER : user;
    password = password == null ? "" : password;
  }

  /** A config for {@code url} with the default database, user and an empty password. */
  public static ClickHouseConfig create(String url) {
    return new ClickHouseConfig(url, null, null, null);
  }

  /** The same server and credentials, another database. */
  public ClickHouseConfig withDatabase(String otherDatabase) {
    return new ClickHouseConfig(url, otherDatabase, user, password);
  }

  @Override
  public String toString() {
    // The password never reaches logs.
    return "ClickHouseConfig[url=" + url + ", database=" + database + ", user=" + user + "]";
  }
}
