package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.SeededTelemetry.NOW;
import static dev.meerkat.dashboard.api.SeededTelemetry.PAY_ERRORS;
import static dev.meerkat.dashboard.api.SeededTelemetry.PAY_REQUESTS;
import static dev.meerkat.dashboard.api.SeededTelemetry.traceId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.Severity;
import dev.meerkat.dashboard.alerting.service.AlertStore;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import dev.meerkat.store.slo.SloSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * SLO numbers and alerts over HTTP. The SLO covers checkout's POST /pay with objective 50 % (exact
 * in binary): 8 requests, 2 failed, all inside every burn-rate window (5 m to 3 d).
 */
class SlosAndAlertsApiIT extends ApiTestBase {

  private static final String SLO_ID = "pay-availability";
  private static final double OBJECTIVE = 0.5;
  private static final Instant FIRED_AT = NOW.minusSeconds(90);

  /** History of an hour three hours ago (09:00 to 10:00), left out of the default last hour. */
  private static final Instant HOUR_START = NOW.minus(Duration.ofHours(3));

  private static final Instant HOUR_END = NOW.minus(Duration.ofHours(2));
  private static boolean saved;

  @Autowired private SloRepository slos;
  @Autowired private AlertStore alertStates;
  @Autowired private AlertEventRepository alertHistory;

  @BeforeEach
  void saveSloAndFiringAlert() {
    if (saved) {
      return;
    }
    slos.save(
        new SloDefinition(
            SLO_ID,
            0,
            "Payment availability",
            "checkout",
            OBJECTIVE,
            Duration.ofDays(30),
            14.4,
            "",
            NOW.minusSeconds(3600),
            new SloSpec("availability", 0, List.of("POST /pay"), "30d", 10, "")));
    alertStates.recordChange(
        AlertStatus.initial(SLO_ID, Severity.PAGE).changeTo(AlertState.FIRING, FIRED_AT),
        Optional.empty());
    alertHistory.append(
        new AlertEvent(
            "event-1",
            SLO_ID,
            "Payment availability",
            "checkout",
            AlertState.FIRING,
            FIRED_AT,
            0.5,
            0.25,
            "page"));
    appendEvent("before", HOUR_START.minusSeconds(1), AlertState.RESOLVED);
    appendEvent("at-from", HOUR_START, AlertState.FIRING);
    appendEvent("inside", HOUR_START.plus(Duration.ofMinutes(30)), AlertState.RESOLVED);
    appendEvent("at-to", HOUR_END, AlertState.FIRING);
    saved = true;
  }

  @Test
  void listsTheSloWithSliBudgetAndBurnRates() throws Exception {
    JsonNode slos = ok("/api/v1/slos").get("slos");

    assertThat(slos.size()).isEqualTo(1);
    assertSloNumbers(slos.get(0));
  }

  @Test
  void answersOneSloWithWhatBurnedItsBudget() throws Exception {
    JsonNode body = ok("/api/v1/slos/" + SLO_ID);

    assertSloNumbers(body.get("slo"));
    JsonNode burners = body.get("budgetBurners");
    assertThat(burners.size()).isEqualTo(1);
    assertThat(burners.get(0).get("operation").asString()).isEqualTo("POST /pay");
    assertThat(burners.get(0).get("errorType").asString()).isEqualTo("card declined");
    assertThat(burners.get(0).get("requests").asDouble()).isEqualTo(PAY_ERRORS);
    List<String> examples = new ArrayList<>();
    burners.get(0).get("exampleTraceIds").forEach(id -> examples.add(id.asString()));
    assertThat(examples).containsExactly(traceId(7), traceId(8));
  }

  @Test
  void answers404ForAnUnknownSlo() throws Exception {
    assertThat(error("/api/v1/slos/nope", 404)).isEqualTo("no SLO nope");
  }

  @Test
  void listsTheFiringAlertAndTheHistory() throws Exception {
    JsonNode body = ok("/api/v1/alerts");

    JsonNode active = body.get("active");
    assertThat(active.size()).isEqualTo(1);
    assertThat(active.get(0).get("sloId").asString()).isEqualTo(SLO_ID);
    assertThat(active.get(0).get("sloName").asString()).isEqualTo("Payment availability");
    assertThat(active.get(0).get("service").asString()).isEqualTo("checkout");
    assertThat(active.get(0).get("severity").asString()).isEqualTo("page");
    assertThat(active.get(0).get("since").asString()).isEqualTo(FIRED_AT.toString());
    JsonNode history = body.get("history");
    assertThat(history.size()).isEqualTo(1);
    JsonNode event = history.get(0);
    assertThat(event.get("eventId").asString()).isEqualTo("event-1");
    assertThat(event.get("time").asString()).isEqualTo(FIRED_AT.toString());
    assertThat(event.get("state").asString()).isEqualTo("firing");
    assertThat(event.get("severity").asString()).isEqualTo("page");
    assertThat(event.get("burnRate").asDouble()).isEqualTo(0.5);
    assertThat(event.get("threshold").asDouble()).isEqualTo(0.25);
    assertThat(event.get("delivery").isNull()).isTrue();
    assertThat(ok("/api/v1/alerts?offset=1").get("history").size()).isZero();
  }

  /** [from, to): the event at 09:00:00 is in, the one at 10:00:00 is out. */
  @Test
  void historyHoldsTheEventsOfTheRangeFromInclusiveToExclusive() throws Exception {
    JsonNode body = ok("/api/v1/alerts?from=2026-03-01T09:00:00Z&to=2026-03-01T10:00:00Z");

    assertThat(body.get("from").asString()).isEqualTo(HOUR_START.toString());
    assertThat(body.get("to").asString()).isEqualTo(HOUR_END.toString());
    assertThat(each(body.get("history"), "eventId")).containsExactly("inside", "at-from");
    assertThat(each(body.get("history"), "time"))
        .containsExactly("2026-03-01T09:30:00Z", "2026-03-01T09:00:00Z");
    // Firing now, whatever the range.
    assertThat(each(body.get("active"), "sloId")).containsExactly(SLO_ID);
  }

  /** Times are stored to the second: a millisecond past each boundary moves both events. */
  @Test
  void historyRangeBoundariesInsideASecond() throws Exception {
    JsonNode body = ok("/api/v1/alerts?from=2026-03-01T09:00:00.001Z&to=2026-03-01T10:00:00.001Z");

    assertThat(each(body.get("history"), "eventId")).containsExactly("at-to", "inside");
  }

  @Test
  void historyOfAWindowEndingNowIsPagedInsideTheWindow() throws Exception {
    JsonNode threeHours = ok("/api/v1/alerts?window=3h");
    assertThat(threeHours.get("from").asString()).isEqualTo("2026-03-01T09:00:00Z");
    assertThat(threeHours.get("to").asString()).isEqualTo(NOW.toString());
    assertThat(each(threeHours.get("history"), "eventId"))
        .containsExactly("event-1", "at-to", "inside", "at-from");

    JsonNode page = ok("/api/v1/alerts?window=4h&offset=1&limit=2");
    assertThat(each(page.get("history"), "eventId")).containsExactly("at-to", "inside");
    assertThat(each(ok("/api/v1/alerts?window=4h&offset=4").get("history"), "eventId"))
        .containsExactly("before");
    // Without a range: the last hour, which holds only the event of 11:58:30.
    JsonNode lastHour = ok("/api/v1/alerts");
    assertThat(lastHour.get("from").asString()).isEqualTo("2026-03-01T11:00:00Z");
    assertThat(each(lastHour.get("history"), "eventId")).containsExactly("event-1");
  }

  @Test
  void refusesARangeItCannotUseSayingWhatToGive() throws Exception {
    assertThat(error("/api/v1/alerts?window=3x", 400))
        .isEqualTo(
            "parameter 'window' must be a positive number with a unit s, m, h or d, like 15m or"
                + " 7d, was '3x'");
    assertThat(error("/api/v1/alerts?from=yesterday", 400))
        .isEqualTo(
            "parameter 'from' must be an ISO-8601 instant like 2026-11-30T10:00:00Z or"
                + " milliseconds since the epoch, was 'yesterday'");
    assertThat(error("/api/v1/alerts?from=2026-03-01T11:00:00Z&to=2026-03-01T10:00:00Z", 400))
        .isEqualTo(
            "parameter 'from' (2026-03-01T11:00:00Z) must be before 'to' (2026-03-01T10:00:00Z)");
    assertThat(error("/api/v1/alerts?window=1h&from=2026-03-01T09:00:00Z", 400))
        .isEqualTo("give either 'window' or 'from'/'to', not both (window=1h)");
  }

  @Test
  void keepsTheOpenSloExportWorking() throws Exception {
    assertThat(send("/api/v1/slos/openslo").body()).contains("name: " + SLO_ID);
  }

  @Test
  void refusesAlertPagingItCannotUse() throws Exception {
    assertThat(error("/api/v1/alerts?offset=-1", 400))
        .isEqualTo("parameter 'offset' must be a whole number from 0 to 2147483647, was '-1'");
  }

  private void appendEvent(String id, Instant at, AlertState state) {
    alertHistory.append(
        new AlertEvent(
            id, SLO_ID, "Payment availability", "checkout", state, at, 1, 0.25, "ticket"));
  }

  /** SLI 6 / 8; budget left 1 - 0.25 / 0.5; burn rate 0.25 / 0.5 in every window. */
  private static void assertSloNumbers(JsonNode slo) {
    double badRatio = (double) PAY_ERRORS / PAY_REQUESTS;
    assertThat(slo.get("id").asString()).isEqualTo(SLO_ID);
    assertThat(slo.get("name").asString()).isEqualTo("Payment availability");
    assertThat(slo.get("service").asString()).isEqualTo("checkout");
    assertThat(slo.get("indicator").asString()).isEqualTo("availability");
    assertThat(slo.get("latencyThresholdMillis").isNull()).isTrue();
    assertThat(slo.get("operations").get(0).asString()).isEqualTo("POST /pay");
    assertThat(slo.get("objective").asDouble()).isEqualTo(OBJECTIVE);
    assertThat(slo.get("window").asString()).isEqualTo("30d");
    assertThat(slo.get("at").asString()).isEqualTo(NOW.toString());
    assertThat(slo.get("totalEvents").asDouble()).isEqualTo(PAY_REQUESTS);
    assertThat(slo.get("badEvents").asDouble()).isEqualTo(PAY_ERRORS);
    assertThat(slo.get("sli").asDouble()).isEqualTo(1 - badRatio);
    assertThat(slo.get("errorBudgetRemaining").asDouble())
        .isEqualTo(1 - badRatio / (1 - OBJECTIVE));
    List<String> windows = new ArrayList<>(slo.get("burnRates").propertyNames());
    assertThat(windows).containsExactly("5m", "30m", "1h", "2h", "6h", "1d", "3d");
    for (String window : windows) {
      assertThat(slo.get("burnRates").get(window).asDouble())
          .as(window)
          .isEqualTo(badRatio / (1 - OBJECTIVE));
    }
    assertThat(slo.get("alert").asString()).isEqualTo("page");
  }
}
