package dev.meerkat.store.clickhouse.schema;

import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateTable;
import java.util.ArrayList;
import java.util.List;

/** Replaces the text from {@code start} to {@code end} of a statement; everything else stays. */
record SqlEdit(int start, int end, String text) {

  static SqlEdit of(SqlToken token, String text) {
    return new SqlEdit(token.start(), token.end(), text);
  }

  /** {@code sql} with {@code edits} (non-overlapping, any order) applied. */
  static String apply(String sql, List<SqlEdit> edits) {
    List<SqlEdit> ordered = new ArrayList<>(edits);
    ordered.sort((a, b) -> Integer.compare(a.start(), b.start()));
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (SqlEdit edit : ordered) {
      out.append(sql, at, edit.start()).append(edit.text());
      at = edit.end();
    }
    return out.append(sql, at, sql.length()).toString();
  }

  /**
   * {@code SummingMergeTree()} becomes {@code ReplicatedSummingMergeTree('/clickhouse/tables/
   * {shard}/db/t_local', '{replica}')}; the engine's own arguments, if any, follow the two.
   */
  static SqlEdit replicatedEngine(CreateTable create, String database, String local) {
    List<SqlToken> tokens = create.tokens();
    SqlToken engine = tokens.get(create.engineToken());
    int end = engine.end();
    String arguments = "";
    int next = create.engineToken() + 1;
    if (next < tokens.size() && tokens.get(next).isSymbol("(")) {
      int depth = 0;
      for (int i = next; i < tokens.size(); i++) {
        if (tokens.get(i).isSymbol("(")) {
          depth++;
        } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
          end = tokens.get(i).end();
          arguments = create.sql().substring(tokens.get(next).end(), tokens.get(i).start()).strip();
          break;
        }
      }
    }
    String engineName =
        engine.name().startsWith("Replicated") ? engine.name() : "Replicated" + engine.name();
    String replicatedArguments =
        "'/clickhouse/tables/{shard}/" + database + "/" + local + "', '{replica}'";
    return new SqlEdit(
        engine.start(),
        end,
        engineName
            + "("
            + replicatedArguments
            + (arguments.isEmpty() ? "" : ", " + arguments)
            + ")");
  }
}
