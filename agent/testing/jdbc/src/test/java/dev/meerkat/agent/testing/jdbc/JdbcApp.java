package dev.meerkat.agent.testing.jdbc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;

/**
 * Runs a fixed script of JDBC calls (listed in {@link JdbcIT#expectedSpans}) against the database
 * at {@code args[0]} as user {@code args[1]}, directly through the driver and then through a
 * HikariCP pool; then serves {@code GET /owners/<id>} (the JDK HTTP server, traced by the agent),
 * reading through the pool inside the request, prints {@code READY <port>} and waits to be stopped.
 */
public final class JdbcApp {
  private JdbcApp() {}

  /** The H2 alias {@code add_one}. */
  public static int addOne(int value) {
    return value + 1;
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    boolean postgresql = url.startsWith("jdbc:postgresql:");
    try (Connection connection = DriverManager.getConnection(url, user, "")) {
      direct(connection, postgresql);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword("");
    config.setMaximumPoolSize(1);
    HikariDataSource pool = new HikariDataSource(config);
    pooled(pool);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/owners", exchange -> owner(pool, exchange));
    server.start();
    System.out.println("READY " + server.getAddress().getPort());
    new CountDownLatch(1).await();
  }

  /** {@code GET /owners/<id>}: the owner's name, read through the pool inside the request. */
  private static void owner(DataSource pool, HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int id = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    byte[] body;
    int status;
    try (Connection connection = pool.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT name FROM owners WHERE id = ?")) {
      select.setInt(1, id);
      try (ResultSet rows = select.executeQuery()) {
        status = rows.next() ? 200 : 404;
        body = (status == 200 ? rows.getString(1) : "").getBytes(StandardCharsets.UTF_8);
      }
    } catch (SQLException e) {
      status = 500;
      body = e.toString().getBytes(StandardCharsets.UTF_8);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void direct(Connection connection, boolean postgresql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(50))");
      statement.executeUpdate("INSERT INTO owners VALUES (1, 'George') /* first owner */");
      try (ResultSet rows = statement.executeQuery("SELECT name FROM owners WHERE id = 1")) {
        check(rows.next() && rows.getString(1).equals("George"), "George");
      }
    }
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id FROM owners WHERE name = ?")) {
      select.setString(1, "George");
      try (ResultSet rows = select.executeQuery()) {
        check(rows.next() && rows.getInt(1) == 1, "id 1");
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO owners (id, name) VALUES (?, ?)")) {
      insert.setInt(1, 2);
      insert.setString(2, "Betty");
      insert.addBatch();
      insert.setInt(1, 3);
      insert.setString(2, "Eduardo");
      insert.addBatch();
      check(insert.executeBatch().length == 2, "2 inserted");
    }
    try (Statement statement = connection.createStatement()) {
      statement.addBatch("UPDATE owners SET name = 'Harold' WHERE id = 2");
      statement.addBatch("DELETE FROM owners WHERE id = 3");
      check(statement.executeBatch().length == 2, "2 batched");
      statement.execute(
          postgresql
              ? "CREATE FUNCTION add_one(i integer) RETURNS integer AS $$ SELECT i + 1 $$"
                  + " LANGUAGE sql"
              : "CREATE ALIAS add_one FOR 'dev.meerkat.agent.testing.jdbc.JdbcApp.addOne'");
    }
    try (CallableStatement call = connection.prepareCall("{? = call add_one(?)}")) {
      call.registerOutParameter(1, Types.INTEGER);
      call.setInt(2, 41);
      call.execute();
      check(call.getInt(1) == 42, "42");
    }
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT * FROM no_such_table WHERE id = 7");
      throw new IllegalStateException("no_such_table exists");
    } catch (SQLException expected) {
      System.out.println("FAILED AS EXPECTED " + expected.getClass().getName());
    }
  }

  private static void pooled(HikariDataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      try (PreparedStatement count =
          connection.prepareStatement("SELECT count(*) FROM owners WHERE id > ?")) {
        count.setInt(1, 0);
        try (ResultSet rows = count.executeQuery()) {
          check(rows.next() && rows.getInt(1) == 2, "2 owners");
        }
      }
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE owners SET name = ? WHERE id = ?")) {
        update.setString(1, "Jean");
        update.setInt(2, 1);
        update.addBatch();
        update.setString(1, "Jeff");
        update.setInt(2, 2);
        update.addBatch();
        check(update.executeBatch().length == 2, "2 updated");
      }
    }
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      check(statement.executeUpdate("DELETE FROM owners WHERE name = 'Jeff'") == 1, "1 deleted");
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("unexpected result, wanted " + what);
    }
  }
}
