package dev.meerkat.store.clickhouse;

import java.io.IOException;

/**
 * Writes the rows of one insert. May be called again if the client retries the request, so it must
 * write the same rows each time.
 */
@FunctionalInterface
public interface RowBinaryWriter {
  void writeRows(RowBinaryOutput out) throws IOException;
}
