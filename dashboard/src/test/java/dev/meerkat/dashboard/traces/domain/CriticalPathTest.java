package dev.meerkat.dashboard.traces.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.traces.domain.CriticalPath.Segment;
import dev.meerkat.store.query.SpanDetail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-built span trees; every expected path is worked out in the comment above it (times in ms
 * after the trace start).
 */
class CriticalPathTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void followsTheLastFinishingChildAndFillsGapsWithTheParentsOwnTime() {
    // root [0,100]: a [10,40] with a1 [15,35]; b [20,60] (overlaps a, ends later); c [70,90].
    // From 100 back: root's own 90-100, c 70-90, root 60-70, then b (last to finish before 70)
    // 20-60; from b's start 20 nothing in root finishes by 20 (a ends at 40), so root 0-20.
    // a and a1 ran in the shadow of b: not on the path.
    List<SpanDetail> spans =
        List.of(
            span("root", "", 0, 100),
            span("a", "root", 10, 30),
            span("a1", "a", 15, 20),
            span("b", "root", 20, 40),
            span("c", "root", 70, 20));

    assertThat(CriticalPath.of(spans).segments())
        .containsExactly(
            segment("root", 0, 20),
            segment("b", 20, 60),
            segment("root", 60, 70),
            segment("c", 70, 90),
            segment("root", 90, 100));
  }

  @Test
  void descendsIntoGrandchildrenAndBackOutThroughSequentialChildren() {
    // root [0,50]: a [5,25] with a1 [10,20]; b [25,45] starts as a ends.
    // 50 back: root 45-50; b 25-45 (no children); back in root at 25, a ends at 25 <= 25: a's own
    // 20-25, a1 10-20, a 5-10; back in root at 5: root 0-5.
    List<SpanDetail> spans =
        List.of(
            span("root", "", 0, 50),
            span("a", "root", 5, 20),
            span("a1", "a", 10, 10),
            span("b", "root", 25, 20));

    CriticalPath path = CriticalPath.of(spans);

    assertThat(path.segments())
        .containsExactly(
            segment("root", 0, 5),
            segment("a", 5, 10),
            segment("a1", 10, 20),
            segment("a", 20, 25),
            segment("b", 25, 45),
            segment("root", 45, 50));
    assertThat(path.spanIds()).containsExactly("root", "a", "a1", "b");
  }

  @Test
  void clipsChildrenToTheirParentForClockSkewAndAsyncWork() {
    // root [5,55]. skewed starts before root at 0 and ends at 25: counted from 5. async starts
    // at 35 and ends at 85, after root ended: counted until 55. late [65,75] lies wholly after
    // root: root never waited for it.
    // 55 back: async 35-55 (its clipped end 55 is the latest); root 25-35; skewed 5-25.
    List<SpanDetail> spans =
        List.of(
            span("skewed", "root", 0, 25),
            span("root", "", 5, 50),
            span("async", "root", 35, 50),
            span("late", "root", 65, 10));

    assertThat(CriticalPath.of(spans).segments())
        .containsExactly(
            segment("skewed", 5, 25), segment("root", 25, 35), segment("async", 35, 55));
  }

  @Test
  void hangsOrphansUnderTheOnlyRoot() {
    // root [0,40]; orphan [10,30] lost its parent "gone" (not stored): it hangs under root.
    // 40 back: root 30-40, orphan 10-30, root 0-10.
    List<SpanDetail> spans = List.of(span("root", "", 0, 40), span("orphan", "gone", 10, 20));

    assertThat(CriticalPath.of(spans).segments())
        .containsExactly(
            segment("root", 0, 10), segment("orphan", 10, 30), segment("root", 30, 40));
  }

  @Test
  void withoutARootSpansShareAVirtualRootWhoseGapsBelongToNoSpan() {
    // No root stored: x [0,10] and y [20,35] (parents missing), y1 under y [22,30].
    // Virtual root [0,35]. 35 back: y 30-35, y1 22-30, y 20-22; gap 10-20 is nobody's; x 0-10.
    List<SpanDetail> spans =
        List.of(span("x", "gone", 0, 10), span("y", "gone", 20, 15), span("y1", "y", 22, 8));

    assertThat(CriticalPath.of(spans).segments())
        .containsExactly(
            segment("x", 0, 10), segment("y", 20, 22), segment("y1", 22, 30), segment("y", 30, 35));
  }

  @Test
  void onEqualEndsFollowsTheLongerChildAndSkipsZeroLengthSpans() {
    // root [0,30]: short [20,30], long [10,30] end together: long is followed (root waited on it
    // longest), 10-30; short ran in its shadow. zero [5,5] has no length: root's own 5-10 and
    // 0-5 touch and are one segment, 0-10.
    List<SpanDetail> spans =
        List.of(
            span("root", "", 0, 30),
            span("short", "root", 20, 10),
            span("long", "root", 10, 20),
            span("zero", "root", 5, 0));

    assertThat(CriticalPath.of(spans).segments())
        .containsExactly(segment("root", 0, 10), segment("long", 10, 30));
  }

  @Test
  void survivesParentCyclesAndADeepChain() {
    // a and b are each other's parent and there is no root: neither hangs under anything, so the
    // virtual root is empty time; the path is empty.
    assertThat(CriticalPath.of(List.of(span("a", "b", 0, 10), span("b", "a", 2, 5))).segments())
        .isEmpty();

    // 20,000 nested spans, each 1 ms shorter at the end than its parent: the walk is iterative.
    List<SpanDetail> chain = new ArrayList<>();
    int depth = 20_000;
    for (int i = 0; i < depth; i++) {
      chain.add(span("s" + i, i == 0 ? "" : "s" + (i - 1), 0, depth - i));
    }
    CriticalPath deep = CriticalPath.of(chain);
    assertThat(deep.segments()).hasSize(depth);
    // The innermost span (1 ms) comes first, then each parent's own last millisecond.
    assertThat(deep.segments().getFirst()).isEqualTo(segment("s19999", 0, 1));
    assertThat(deep.segments().getLast()).isEqualTo(segment("s0", depth - 1, depth));
  }

  @Test
  void anEmptyTraceHasAnEmptyPath() {
    assertThat(CriticalPath.of(List.of()).segments()).isEmpty();
  }

  private static Segment segment(String spanId, long startMs, long endMs) {
    return new Segment(spanId, startMs * 1_000_000, endMs * 1_000_000);
  }

  private static SpanDetail span(String id, String parent, long offsetMs, long durationMs) {
    return new SpanDetail(
        "t",
        id,
        parent,
        "svc",
        "op " + id,
        "INTERNAL",
        T0.plusMillis(offsetMs),
        durationMs * 1_000_000,
        "OK",
        "",
        Map.of(),
        Map.of());
  }
}
