package dev.meerkat.store.clickhouse.schema;

/**
 * One token of a migration statement and where it stands in the statement's text, so a rewrite can
 * replace exactly that range and keep everything else as written.
 */
record SqlToken(Type type, String text, int start, int end) {

  enum Type {
    WORD,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    SYMBOL
  }

  boolean is(String keyword) {
    return type == Type.WORD && text.equalsIgnoreCase(keyword);
  }

  boolean isSymbol(String symbol) {
    return type == Type.SYMBOL && text.equals(symbol);
  }

  boolean isName() {
    return type == Type.WORD || type == Type.QUOTED_IDENTIFIER;
  }

  /** The identifier without its back quotes or double quotes. */
  String name() {
    return type == Type.QUOTED_IDENTIFIER ? text.substring(1, text.length() - 1) : text;
  }
}
