package dev.meerkat.store.clickhouse.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the numbered migration files ({@code V0001__spans.sql}, ...) and refuses, before anything
 * runs, a file that is misnamed, shares a version, or holds a statement that is not safe to run
 * twice.
 */
public final class MigrationFiles {

  public static final String LOCATION = "db/migration";
  private static final Pattern FILE_NAME = Pattern.compile("V(\\d{4})__([A-Za-z0-9_]+)\\.sql");

  private MigrationFiles() {}

  /** The migrations under {@link #LOCATION} on the class path, ordered by version. */
  public static List<ParsedMigration> fromClassPath() {
    URL location = MigrationFiles.class.getClassLoader().getResource(LOCATION);
    if (location == null) {
      throw new IllegalStateException("no " + LOCATION + " on the class path");
    }
    try {
      if ("jar".equals(location.getProtocol())) {
        return fromJar(location);
      }
      return fromDirectory(Path.of(location.toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migrations from " + location, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad migration location " + location, e);
    }
  }

  /**
   * Reads the jar through a private, uncached {@link JarFile}: a zip file system shared by the
   * whole JVM would be closed under another thread's feet when migrators start together.
   */
  private static List<ParsedMigration> fromJar(URL location) throws IOException {
    JarURLConnection connection = (JarURLConnection) location.openConnection();
    connection.setUseCaches(false);
    String prefix = LOCATION + "/";
    Map<String, String> files = new TreeMap<>();
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (!entry.isDirectory()
            && name.startsWith(prefix)
            && name.indexOf('/', prefix.length()) < 0) {
          try (InputStream in = jar.getInputStream(entry)) {
            files.put(
                name.substring(prefix.length()),
                new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return parseAll(files);
  }

  /** The migrations in {@code directory}, ordered by version; duplicate versions fail. */
  public static List<ParsedMigration> fromDirectory(Path directory) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(directory)) {
      for (Path file : paths.toList()) {
        files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return parseAll(files);
  }

  private static List<ParsedMigration> parseAll(Map<String, String> files) {
    List<ParsedMigration> migrations = new ArrayList<>();
    files.forEach((fileName, text) -> migrations.add(parse(fileName, text)));
    migrations.sort((a, b) -> Integer.compare(a.version(), b.version()));
    for (int i = 1; i < migrations.size(); i++) {
      if (migrations.get(i).version() == migrations.get(i - 1).version()) {
        throw new IllegalStateException(
            "two migrations share version "
                + migrations.get(i).version()
                + ": "
                + migrations.get(i - 1).fileName()
                + " and "
                + migrations.get(i).fileName());
      }
    }
    return List.copyOf(migrations);
  }

  /** Checks and parses one migration file. */
  public static ParsedMigration parse(String fileName, String text) {
    Matcher matcher = FILE_NAME.matcher(fileName);
    if (!matcher.matches()) {
      throw new IllegalStateException(
          "migration file " + fileName + " is not named V<4 digits>__<name>.sql");
    }
    List<String> sql;
    try {
      sql = SqlScript.statements(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "migration " + fileName + " cannot be read: " + e.getMessage());
    }
    if (sql.isEmpty()) {
      throw new IllegalStateException("migration " + fileName + " holds no statement");
    }
    List<MigrationStatement> statements = new ArrayList<>();
    StringBuilder normalized = new StringBuilder();
    for (int i = 0; i < sql.size(); i++) {
      try {
        statements.add(MigrationStatementParser.parse(sql.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "migration "
                + fileName
                + " statement "
                + (i + 1)
                + " ("
                + abbreviated(sql.get(i))
                + ") is refused: "
                + e.getMessage()
                + ". Several processes may migrate one database at once, so every statement must"
                + " be safe to run twice; allowed are "
                + MigrationStatementParser.ALLOWED
                + ".");
      }
      normalized.append(SqlScript.normalized(sql.get(i))).append(";\n");
    }
    return new ParsedMigration(
        Integer.parseInt(matcher.group(1)),
        fileName,
        List.copyOf(statements),
        sha256(normalized.toString()));
  }

  private static String abbreviated(String sql) {
    String line = SqlScript.normalized(sql);
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
