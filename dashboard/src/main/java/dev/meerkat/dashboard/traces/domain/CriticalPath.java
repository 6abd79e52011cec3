package dev.meerkat.dashboard.traces.domain;

import dev.meerkat.store.query.SpanDetail;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The critical path of a trace: the chain of work the trace's end waited for, as Jaeger defines it.
 * Walking back from the root's end, the path steps into the child that finished last before the
 * current point, follows that child's own path, and continues in the parent from the child's start;
 * the parent's own time fills the gaps between children.
 *
 * <p>Children are clipped to their parent's interval first, as Jaeger does: a child that starts
 * before its parent (clock skew) counts from the parent's start, an asynchronous child that ends
 * after its parent counts until the parent's end, and a child wholly outside its parent is not
 * waited for. Spans whose parent is missing (orphans) hang under the root span when there is
 * exactly one; otherwise the spans without a parent share a virtual root over the whole trace,
 * whose own time belongs to no span.
 *
 * @param segments the path in time order, each a stretch of one span's own time, offsets from the
 *     trace's first span start
 */
public record CriticalPath(List<Segment> segments) {

  /**
   * A stretch of time on the critical path spent in one span (not waiting for a child).
   *
   * @param spanId the span
   * @param startNanos start, nanoseconds after the trace's first span started
   * @param endNanos end, likewise; greater than {@code startNanos}
   */
  public record Segment(String spanId, long startNanos, long endNanos) {}

  public CriticalPath {
    segments = List.copyOf(segments);
  }

  /** The ids of the spans on the path, in the order the path first enters them. */
  public Set<String> spanIds() {
    Set<String> ids = new LinkedHashSet<>();
    segments.forEach(s -> ids.add(s.spanId()));
    return Collections.unmodifiableSet(ids);
  }

  public static CriticalPath of(List<SpanDetail> spans) {
    if (spans.isEmpty()) {
      return new CriticalPath(List.of());
    }
    long traceStart = spans.stream().mapToLong(s -> nanos(s.start())).min().orElseThrow();
    Node root = SpanTree.build(spans, traceStart);
    List<Segment> reversed = new ArrayList<>();
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root));
    // An explicit stack instead of recursion: a deep trace must not overflow the thread's stack.
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      Node child = frame.nextChildEndingBy();
      if (child == null) {
        add(reversed, frame.node, frame.node.start, frame.cursor);
        stack.pop();
        continue;
      }
      add(reversed, frame.node, child.end, frame.cursor);
      frame.cursor = child.start;
      stack.push(new Frame(child));
    }
    Collections.reverse(reversed);
    return new CriticalPath(reversed);
  }

  /** Adds a segment before those already walked, joining it to a touching one of its span. */
  private static void add(List<Segment> reversed, Node node, long start, long end) {
    if (node.spanId == null || start >= end) {
      return;
    }
    Segment later = reversed.isEmpty() ? null : reversed.getLast();
    if (later != null && later.spanId().equals(node.spanId) && later.startNanos() == end) {
      reversed.set(reversed.size() - 1, new Segment(node.spanId, start, later.endNanos()));
    } else {
      reversed.add(new Segment(node.spanId, start, end));
    }
  }

  static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /** A span clipped to its parent, offsets in nanoseconds from the trace start. */
  static final class Node {
    final String spanId; // null for the virtual root
    final long start;
    final long end;
    final List<Node> children = new ArrayList<>();

    Node(String spanId, long start, long end) {
      this.spanId = spanId;
      this.start = start;
      this.end = end;
    }
  }

  /** Where the walk stands inside one span: the point it has walked back to, and its children. */
  private static final class Frame {
    final Node node;
    final List<Node> byEndDescending;
    long cursor;
    int next;

    Frame(Node node) {
      this.node = node;
      this.cursor = node.end;
      // Latest end first; on equal ends the longer child, the one the parent waited on longest.
      this.byEndDescending = new ArrayList<>(node.children);
      byEndDescending.sort(
          Comparator.comparingLong((Node n) -> n.end)
              .reversed()
              .thenComparingLong(n -> n.start)
              .thenComparing(n -> n.spanId));
    }

    /**
     * The child that finished last at or before the cursor. The cursor only moves back, so a child
     * passed over now can never qualify later, and each child is taken at most once.
     */
    Node nextChildEndingBy() {
      while (next < byEndDescending.size()) {
        Node child = byEndDescending.get(next++);
        if (child.end <= cursor) {
          return child;
        }
      }
      return null;
    }
  }

  /** Builds the clipped span tree the walk runs over. */
  private static final class SpanTree {

    static Node build(List<SpanDetail> spans, long traceStart) {
      Map<String, SpanDetail> byId = new HashMap<>();
      spans.forEach(s -> byId.putIfAbsent(s.spanId(), s));
      Map<String, List<SpanDetail>> children = new HashMap<>();
      List<SpanDetail> topLevel = new ArrayList<>();
      for (SpanDetail span : byId.values()) {
        if (span.isRoot() || !byId.containsKey(span.parentSpanId())) {
          topLevel.add(span);
        } else {
          children.computeIfAbsent(span.parentSpanId(), k -> new ArrayList<>()).add(span);
        }
      }
      topLevel.sort(Comparator.comparing(SpanDetail::start).thenComparing(SpanDetail::spanId));
      List<SpanDetail> trueRoots = topLevel.stream().filter(SpanDetail::isRoot).toList();
      Node root;
      List<SpanDetail> underRoot;
      if (trueRoots.size() == 1) {
        SpanDetail span = trueRoots.getFirst();
        long start = nanos(span.start()) - traceStart;
        root = new Node(span.spanId(), start, start + span.durationNanos());
        underRoot = new ArrayList<>(children.getOrDefault(span.spanId(), List.of()));
        topLevel.stream().filter(s -> !s.isRoot()).forEach(underRoot::add); // orphans
      } else {
        long end =
            spans.stream()
                .mapToLong(s -> nanos(s.start()) - traceStart + s.durationNanos())
                .max()
                .orElseThrow();
        root = new Node(null, 0, end);
        underRoot = topLevel;
      }
      Set<String> visited = new LinkedHashSet<>();
      if (root.spanId != null) {
        visited.add(root.spanId);
      }
      Deque<Map.Entry<Node, List<SpanDetail>>> pending = new ArrayDeque<>();
      pending.push(Map.entry(root, underRoot));
      while (!pending.isEmpty()) {
        Map.Entry<Node, List<SpanDetail>> entry = pending.pop();
        Node parent = entry.getKey();
        for (SpanDetail span : entry.getValue()) {
          Node child = clipped(span, parent, traceStart);
          if (child != null && visited.add(span.spanId())) {
            parent.children.add(child);
            pending.push(Map.entry(child, children.getOrDefault(span.spanId(), List.of())));
          }
        }
      }
      return root;
    }

    /** {@code span} cut to its parent's interval, or null when it lies wholly outside it. */
    private static Node clipped(SpanDetail span, Node parent, long traceStart) {
      long start = nanos(span.start()) - traceStart;
      long end = start + span.durationNanos();
      if (end <= parent.start || start >= parent.end) {
        return null;
      }
      return new Node(span.spanId(), Math.max(start, parent.start), Math.min(end, parent.end));
    }
  }
}
