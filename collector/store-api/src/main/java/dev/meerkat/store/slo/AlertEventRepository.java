package dev.meerkat.store.slo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Append-only history of SLO alert state changes. */
public interface AlertEventRepository {

  void append(AlertEvent event);

  /** The latest event of one SLO: its current alert state. */
  Optional<AlertEvent> latest(String sloId);

  /** The latest event of every SLO that has one, by SLO id. */
  Map<String, AlertEvent> latestPerSlo();

  /** All events, newest first, one page. */
  List<AlertEvent> history(int offset, int limit);

  /**
   * The events with {@code from <= eventTime < to}, newest first (ties by SLO id, then event id),
   * one page. Event times are stored to the second, so a fraction of a second in {@code from} or
   * {@code to} leaves out an event at that very second ({@code from}) or keeps it ({@code to}).
   */
  List<AlertEvent> history(Instant from, Instant to, int offset, int limit);
}
