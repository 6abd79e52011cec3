package dev.meerkat.collector;

import dev.meerkat.collector.receiver.IngestToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the ingest tokens from {@code MEERKAT_INGEST_TOKENS} ({@code name:token,name:token}) and
 * {@code MEERKAT_INGEST_TOKENS_FILE} (one {@code name token} per line, {@code #} comments). Errors
 * name the entry or line and never repeat a token.
 */
final class IngestTokensParser {

  static final String INLINE_KEY = "MEERKAT_INGEST_TOKENS";
  static final String FILE_KEY = "MEERKAT_INGEST_TOKENS_FILE";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  // Characters every OTEL_EXPORTER_OTLP_HEADERS parser and HTTP header carries unchanged.
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");
  private static final int MIN_TOKEN_LENGTH = 16;
  private static final String GENERATE = "generate one with: openssl rand -hex 32";

  private final List<IngestToken> tokens = new ArrayList<>();
  private final Map<String, String> nameSources = new HashMap<>();
  private final Map<String, String> secretNames = new HashMap<>();

  private IngestTokensParser() {}

  static List<IngestToken> parse(Optional<String> inline, Optional<Path> file) {
    IngestTokensParser parser = new IngestTokensParser();
    inline.ifPresent(parser::parseInline);
    file.ifPresent(parser::parseFile);
    return List.copyOf(parser.tokens);
  }

  private void parseInline(String value) {
    String[] entries = value.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String where = INLINE_KEY + " entry " + (i + 1);
      String entry = entries[i].strip();
      int colon = entry.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            where + " is not name:token; write e.g. " + INLINE_KEY + "=checkout:<token>,...");
      }
      add(where, entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
    }
  }

  private void parseFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          FILE_KEY
              + " "
              + file
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "): check the path and that the collector's user may read it");
    }
    int before = tokens.size();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = FILE_KEY + " line " + (i + 1);
      String[] fields = line.split("\\s+");
      if (fields.length != 2) {
        throw new IllegalArgumentException(
            where + " is not '<name> <token>' (two fields separated by spaces)");
      }
      add(where, fields[0], fields[1]);
    }
    if (tokens.size() == before) {
      throw new IllegalArgumentException(
          FILE_KEY
              + " "
              + file
              + " holds no token; add lines '<name> <token>', or unset "
              + FILE_KEY
              + " to accept data without tokens");
    }
  }

  private void add(String where, String name, String secret) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          where + ": token name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
    }
    if (secret.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(
          where
              + " ('"
              + name
              + "'): the token must be at least "
              + MIN_TOKEN_LENGTH
              + " characters; "
              + GENERATE);
    }
    if (!TOKEN.matcher(secret).matches()) {
      throw new IllegalArgumentException(
          where
              + " ('"
              + name
              + "'): the token may hold only letters, digits, '.', '_', '~' and '-'; "
              + GENERATE);
    }
    String earlier = nameSources.putIfAbsent(name, where);
    if (earlier != null) {
      throw new IllegalArgumentException(
          "token name '"
              + name
              + "' is configured twice ("
              + earlier
              + " and "
              + where
              + "): names must be unique, so that one sender's token can be revoked");
    }
    String sameSecret = secretNames.putIfAbsent(secret, name);
    if (sameSecret != null) {
      throw new IllegalArgumentException(
          "tokens '"
              + sameSecret
              + "' and '"
              + name
              + "' are the same secret ("
              + where
              + "): give every sender its own token");
    }
    tokens.add(new IngestToken(name, secret));
  }
}
