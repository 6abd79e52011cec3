package dev.meerkat.store.clickhouse.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClickHouseAlertEventRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final ClickHouseStore store = ClickHouseFixture.shared().newDatabase();
  private final AlertEventRepository repository = new ClickHouseAlertEventRepository(store);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void latestEventIsTheCurrentStatePerSlo() {
    AlertEvent fired = event("e1", "a", AlertState.FIRING, T0);
    AlertEvent resolved = event("e2", "a", AlertState.RESOLVED, T0.plusSeconds(600));
    AlertEvent other = event("e3", "b", AlertState.FIRING, T0.plusSeconds(30));
    repository.append(resolved);
    repository.append(fired);
    repository.append(other);

    assertThat(repository.latest("a")).contains(resolved);
    assertThat(repository.latest("none")).isEmpty();
    assertThat(repository.latestPerSlo())
        .containsOnlyKeys("a", "b")
        .containsEntry("a", resolved)
        .containsEntry("b", other);
  }

  @Test
  void pagesHistoryNewestFirst() {
    for (int i = 0; i < 5; i++) {
      repository.append(
          event(
              "e" + i,
              "slo",
              i % 2 == 0 ? AlertState.FIRING : AlertState.RESOLVED,
              T0.plusSeconds(60L * i)));
    }

    assertThat(repository.history(0, 2))
        .extracting(AlertEvent::eventId)
        .containsExactly("e4", "e3");
    assertThat(repository.history(2, 10))
        .extracting(AlertEvent::eventId)
        .containsExactly("e2", "e1", "e0");
  }

  /**
   * [from, to) on second-precision times: an event at exactly {@code from} is in, one at exactly
   * {@code to} is out; a millisecond past either boundary flips both.
   */
  @Test
  void pagesHistoryInsideTheWindowOnly() {
    repository.append(event("before", "a", AlertState.FIRING, T0.minusSeconds(1)));
    repository.append(event("at-from", "a", AlertState.RESOLVED, T0));
    repository.append(event("inside-a", "a", AlertState.FIRING, T0.plusSeconds(30)));
    repository.append(event("inside-b", "b", AlertState.FIRING, T0.plusSeconds(30)));
    repository.append(event("at-to", "a", AlertState.RESOLVED, T0.plusSeconds(60)));
    Instant to = T0.plusSeconds(60);

    assertThat(repository.history(T0, to, 0, 10))
        .extracting(AlertEvent::eventId)
        .containsExactly("inside-a", "inside-b", "at-from");
    assertThat(repository.history(T0, to, 1, 1))
        .extracting(AlertEvent::eventId)
        .containsExactly("inside-b");
    assertThat(repository.history(T0.plusMillis(1), to.plusMillis(1), 0, 10))
        .extracting(AlertEvent::eventId)
        .containsExactly("at-to", "inside-a", "inside-b");
  }

  @Test
  void storesTextWithQuotesAndNewlinesVerbatim() {
    AlertEvent tricky =
        new AlertEvent("id", "s'1", "name \"q\"\nline", "svc\\x", AlertState.FIRING, T0, 14.4, 2.0);
    repository.append(tricky);

    assertThat(repository.latest("s'1")).contains(tricky);
  }

  private static AlertEvent event(String id, String slo, AlertState state, Instant at) {
    return new AlertEvent(id, slo, "SLO " + slo, "checkout", state, at, 3.5, 2.0);
  }
}
