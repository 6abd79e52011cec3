package dev.meerkat.agent.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for one test JVM: {@code initdb} into a temporary directory, {@code
 * postgres} on a free 127.0.0.1 port with trust authentication (user {@code postgres}, no
 * password), stopped and deleted by {@link #close} (or at JVM exit). As root the server runs as the
 * {@code postgres} OS user, since PostgreSQL refuses to run as root. The binaries come from {@code
 * meerkat.postgres.bin} (default: Debian's PostgreSQL 15); missing binaries fail the test with what
 * to install.
 */
public final class PostgresServer implements AutoCloseable {
  public static final String USER = "postgres";
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final Path bin;
  private final Path directory;
  private final Path data;
  private final int port;
  private final Process process;
  private final Thread shutdownHook;

  private PostgresServer(Path bin, Path directory, int port, Process process) {
    this.bin = bin;
    this.directory = directory;
    this.data = directory.resolve("data");
    this.port = port;
    this.process = process;
    this.shutdownHook = new Thread(this::stopQuietly, "postgres-server-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Initialises a new cluster and starts it; returns once it accepts connections. */
  public static PostgresServer start() throws IOException, InterruptedException {
    Path bin = Path.of(System.getProperty("meerkat.postgres.bin", "/usr/lib/postgresql/15/bin"));
    if (!Files.isExecutable(bin.resolve("postgres"))
        || !Files.isExecutable(bin.resolve("initdb"))) {
      throw new IllegalStateException(
          "PostgreSQL 15 is missing (no "
              + bin.resolve("postgres")
              + "). Install it: apt-get install postgresql (./meerkat test does), or set"
              + " -Dmeerkat.postgres.bin to the directory holding initdb and postgres.");
    }
    Path directory = Files.createTempDirectory("meerkat-postgres-");
    if (isRoot()) {
      UserPrincipal owner =
          directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
      Files.setOwner(directory, owner);
    }
    Path data = directory.resolve("data");
    run(
        asServerUser(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            USER,
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale=C"),
        directory.resolve("initdb.log"));
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                asServerUser(
                    bin.resolve("postgres").toString(),
                    "-D",
                    data.toString(),
                    "-p",
                    String.valueOf(port),
                    "-k",
                    directory.toString(),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    // A throw-away cluster: durability costs time and buys nothing.
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off"))
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("postgres.log").toFile());
    PostgresServer server = new PostgresServer(bin, directory, port, builder.start());
    try {
      server.awaitReady();
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
    return server;
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>}; user {@link #USER}, no password. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
  }

  /** Creates a database owned by {@link #USER}. */
  public void createDatabase(String name) throws IOException, InterruptedException {
    psql("postgres", "CREATE DATABASE " + name);
  }

  /** Runs SQL with psql in {@code database}, stopping at the first error. */
  public void psql(String database, String sql) throws IOException, InterruptedException {
    run(
        List.of(
            bin.resolve("psql").toString(),
            "-h",
            host(),
            "-p",
            String.valueOf(port),
            "-U",
            USER,
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-q",
            "-c",
            sql),
        directory.resolve("psql.log"));
  }

  private void awaitReady() {
    Poll.until(
        STARTUP,
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("postgres exited at startup: " + log());
          }
          return isReady();
        },
        ready -> ready,
        () -> "postgres did not accept connections on port " + port + ": " + log());
  }

  private boolean isReady() {
    try {
      Process check =
          new ProcessBuilder(
                  bin.resolve("pg_isready").toString(),
                  "-q",
                  "-h",
                  host(),
                  "-p",
                  String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The server's log so far. */
  public String log() {
    try {
      return Files.readString(directory.resolve("postgres.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the server (fast shutdown: open sessions are ended) and deletes its directory. */
  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs or ran
    }
  }

  private synchronized void stopQuietly() {
    try {
      if (process.isAlive()) {
        try {
          run(
              asServerUser(
                  bin.resolve("pg_ctl").toString(),
                  "-D",
                  data.toString(),
                  "-m",
                  "fast",
                  "-w",
                  "stop"),
              directory.resolve("pg_ctl.log"));
        } catch (IOException | IllegalStateException e) {
          process.destroy();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      }
      deleteRecursively(directory);
    } catch (IOException e) {
      // best effort: a leftover temporary directory is harmless
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "failed ("
              + process.exitValue()
              + "): "
              + command
              + "\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
  }

  /** The command, run as the postgres OS user when this JVM is root. */
  private static List<String> asServerUser(String... command) {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", USER, "--"));
    }
    full.addAll(List.of(command));
    return full;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
