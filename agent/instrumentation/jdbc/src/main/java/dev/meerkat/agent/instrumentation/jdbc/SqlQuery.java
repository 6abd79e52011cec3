package dev.meerkat.agent.instrumentation.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * What a statement's text says, after sanitizing: the query text with literals replaced by {@code
 * ?}, the operation ({@code SELECT}...), the collection (table) or stored procedure it names, and
 * the batch size (0 when not a batch). Immutable.
 */
final class SqlQuery {
  /** A statement whose text is unknown (prepared before the agent started, say). */
  static final SqlQuery UNKNOWN = new SqlQuery(null, null, null, null, 0);

  final String text;
  final String operation;
  final String collection;
  final String procedure;
  final long batchSize;

  SqlQuery(String text, String operation, String collection, String procedure, long batchSize) {
    this.text = text;
    this.operation = operation;
    this.collection = collection;
    this.procedure = procedure;
    this.batchSize = batchSize;
  }

  /**
   * This query run {@code size} times as one batch (a prepared statement's batch). Semconv counts a
   * batch only from two operations on: a batch of one is the query itself.
   */
  SqlQuery batch(long size) {
    if (size < 2) {
      return this;
    }
    return new SqlQuery(text, batchOperation(operation), collection, procedure, size);
  }

  /**
   * The batch of a plain statement's {@code addBatch(sql)} queries (semconv): the one query text
   * when they are all the same, else the distinct texts joined with {@code "; "}; {@code BATCH
   * <op>} when the operations agree, else {@code BATCH}; the collection when they agree.
   *
   * @param size how many queries were added (at least {@code queries.size()})
   */
  static SqlQuery batch(List<SqlQuery> queries, long size) {
    if (queries.isEmpty()) {
      return UNKNOWN;
    }
    SqlQuery first = queries.get(0);
    if (size < 2) {
      return first;
    }
    List<String> texts = new ArrayList<>();
    String operation = first.operation;
    String collection = first.collection;
    String procedure = first.procedure;
    for (int i = 0; i < queries.size(); i++) {
      SqlQuery query = queries.get(i);
      if (query.text != null && !texts.contains(query.text)) {
        texts.add(query.text);
      }
      operation = same(operation, query.operation);
      collection = same(collection, query.collection);
      procedure = same(procedure, query.procedure);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      text.append(i == 0 ? "" : "; ").append(texts.get(i));
    }
    return new SqlQuery(
        texts.isEmpty() ? null : text.toString(),
        batchOperation(operation),
        collection,
        procedure,
        size);
  }

  private static String batchOperation(String operation) {
    return operation == null ? "BATCH" : "BATCH " + operation;
  }

  private static String same(String a, String b) {
    return a != null && a.equals(b) ? a : null;
  }

  @Override
  public String toString() {
    return "SqlQuery{"
        + text
        + ", "
        + operation
        + ", "
        + collection
        + ", "
        + procedure
        + ", "
        + batchSize
        + "}";
  }
}
