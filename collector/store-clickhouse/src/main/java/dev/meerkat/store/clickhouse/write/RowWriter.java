package dev.meerkat.store.clickhouse.write;

import dev.meerkat.store.clickhouse.RowBinaryOutput;
import java.io.IOException;

/** Writes one record as one RowBinary row, in the column order of its table's column list. */
@FunctionalInterface
interface RowWriter<T> {
  void write(RowBinaryOutput out, T record) throws IOException;
}
