package dev.meerkat.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TabSeparatedTest {

  @Test
  void parsesHeaderAndUnescapesValues() {
    List<Row> rows = TabSeparated.parse("s\tn\na\\tb\\\\c\\nd\\'e\t42\n");

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).string("s")).isEqualTo("a\tb\\c\nd'e");
    assertThat(rows.get(0).longValue("n")).isEqualTo(42);
    assertThat(rows.get(0).columns()).containsExactly("s", "n");
  }

  @Test
  void splitsArrayElementsBeforeUnescaping() {
    // Exactly what 18.16 prints for ['x\ty', 'q''r', 'b\\s', 'n\nl', ''] in TabSeparated.
    Row row = TabSeparated.parse("arr\n['x\\ty','q\\'r','b\\\\s','n\\nl','']\n").get(0);

    assertThat(row.strings("arr")).containsExactly("x\ty", "q'r", "b\\s", "n\nl", "");
  }

  @Test
  void parsesNumericAndEmptyArrays() {
    Row row = TabSeparated.parse("f\te\n[1.5,2]\t[]\n").get(0);

    assertThat(row.strings("f")).containsExactly("1.5", "2");
    assertThat(row.strings("e")).isEmpty();
  }

  @Test
  void readsClickHouseSpecialDoubles() {
    Row row = TabSeparated.parse("a\tb\tc\ninf\t-inf\tnan\n").get(0);

    assertThat(row.doubleValue("a")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(row.doubleValue("b")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(row.doubleValue("c")).isNaN();
  }

  @Test
  void namesTheColumnsWhenAskedForAnUnknownOne() {
    Row row = TabSeparated.parse("a\n1\n").get(0);

    assertThatThrownBy(() -> row.string("b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no column 'b' in result, columns are [a]");
  }

  @Test
  void returnsNoRowsForAnEmptyBody() {
    assertThat(TabSeparated.parse("")).isEmpty();
  }
}
