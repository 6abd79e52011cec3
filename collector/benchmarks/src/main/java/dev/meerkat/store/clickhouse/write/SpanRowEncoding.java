package dev.meerkat.store.clickhouse.write;

import dev.meerkat.store.clickhouse.RowBinaryOutput;
import dev.meerkat.store.model.SpanRecord;
import java.io.IOException;
import java.util.List;

/**
 * The span writer's own row encoding, for the benchmarks: the raw insert of the harness and the JMH
 * encoder benchmark write exactly the bytes {@link ClickHouseSpanWriter} sends.
 */
public final class SpanRowEncoding {

  private SpanRowEncoding() {}

  /** The columns of {@code spans} the writer fills, in the order it writes them. */
  public static List<String> columns() {
    return ClickHouseSpanWriter.COLUMNS;
  }

  public static void write(RowBinaryOutput out, SpanRecord span) throws IOException {
    ClickHouseSpanWriter.writeSpan(out, span);
  }
}
