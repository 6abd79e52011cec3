package dev.meerkat.store.clickhouse;

import java.io.IOException;
import java.io.OutputStream;

/** Lets the benchmarks encode RowBinary to any stream, as {@link ClickHouseStore} does. */
public final class RowBinaryOutputAccess {

  private RowBinaryOutputAccess() {}

  public static RowBinaryOutput over(OutputStream out) {
    return new RowBinaryOutput(out);
  }

  public static void flush(RowBinaryOutput output) throws IOException {
    output.flush();
  }
}
