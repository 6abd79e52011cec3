package dev.meerkat.store.slo;

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
}
