package dev.meerkat.dashboard.api;

import static dev.meerkat.dashboard.api.SeededTelemetry.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.alerting.service.Outbox;
import dev.meerkat.dashboard.alerting.service.RoutingStore;
import dev.meerkat.dashboard.testing.OutboxRows;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The delivery log over HTTP: notifications and suppressions seeded into the state store around the
 * hour 09:00 to 10:00 (the clock stands at 12:00), one exactly at each boundary. Seeded as
 * delivered or dead, so the delivery loop leaves them alone.
 */
class DeliveriesApiIT extends ApiTestBase {

  private static final Instant HOUR_START = NOW.minus(Duration.ofHours(3));
  private static final Instant HOUR_END = NOW.minus(Duration.ofHours(2));
  private static final String HOUR = "from=2026-03-01T09:00:00Z&to=2026-03-01T10:00:00Z";
  private static boolean seeded;

  @Autowired private Outbox outbox;
  @Autowired private RoutingStore routing;

  @BeforeEach
  void seedDeliveryLog() {
    if (seeded) {
      return;
    }
    outbox.enqueue(
        row("d-before", HOUR_START.minusMillis(1), "webhook", DeliveryStatus.DELIVERED, 1, ""));
    outbox.enqueue(row("d-from", HOUR_START, "webhook", DeliveryStatus.DEAD, 3, "HTTP 500"));
    outbox.enqueue(
        row(
            "d-inside",
            HOUR_START.plus(Duration.ofMinutes(30)),
            "slack",
            DeliveryStatus.DELIVERED,
            1,
            ""));
    outbox.enqueue(row("d-to", HOUR_END, "webhook", DeliveryStatus.DELIVERED, 1, ""));
    seedTwoAttempts();
    routing.recordSuppression(suppression("s-from", HOUR_START, Suppression.Reason.SILENCED));
    routing.recordSuppression(
        suppression(
            "s-inside", HOUR_START.plus(Duration.ofMinutes(15)), Suppression.Reason.MAINTENANCE));
    routing.recordSuppression(suppression("s-to", HOUR_END, Suppression.Reason.SILENCED));
    seeded = true;
  }

  /** [from, to): the notification queued at 09:00:00 is in, the one at 10:00:00 is out. */
  @Test
  void listsTheNotificationsOfTheRangeFromInclusiveToExclusive() throws Exception {
    JsonNode body = ok("/api/v1/deliveries?" + HOUR);

    assertThat(body.get("from").asString()).isEqualTo("2026-03-01T09:00:00Z");
    assertThat(body.get("to").asString()).isEqualTo("2026-03-01T10:00:00Z");
    JsonNode rows = body.get("notifications");
    assertThat(each(rows, "id")).containsExactly("d-inside", "d-from");
    JsonNode inside = rows.get(0);
    assertThat(inside.propertyNames())
        .containsExactly(
            "id",
            "time",
            "channel",
            "channelKind",
            "alert",
            "state",
            "test",
            "delivery",
            "attempts",
            "lastError");
    assertThat(inside.get("time").asString()).isEqualTo("2026-03-01T09:30:00Z");
    // No stored channel: named by its kind.
    assertThat(inside.get("channel").asString()).isEqualTo("slack");
    assertThat(inside.get("channelKind").asString()).isEqualTo("slack");
    assertThat(inside.get("alert").asString()).isEqualTo("SLO d-inside");
    assertThat(inside.get("state").asString()).isEqualTo("firing");
    assertThat(inside.get("test").asBoolean()).isFalse();
    assertThat(inside.get("delivery").asString()).isEqualTo("DELIVERED");
    assertThat(inside.get("attempts").asInt()).isEqualTo(1);
    assertThat(inside.get("lastError").asString()).isEmpty();
    JsonNode dead = rows.get(1);
    assertThat(dead.get("delivery").asString()).isEqualTo("DEAD");
    assertThat(dead.get("attempts").asInt()).isEqualTo(3);
    assertThat(dead.get("lastError").asString()).isEqualTo("HTTP 500");
  }

  /** Times keep their milliseconds: a millisecond past each boundary moves both rows. */
  @Test
  void rangeBoundariesToTheMillisecond() throws Exception {
    JsonNode body =
        ok("/api/v1/deliveries?from=2026-03-01T09:00:00.001Z&to=2026-03-01T10:00:00.001Z");

    assertThat(each(body.get("notifications"), "id")).containsExactly("d-to", "d-inside");
  }

  @Test
  void pagesInsideAWindowEndingNow() throws Exception {
    assertThat(each(ok("/api/v1/deliveries?window=3h").get("notifications"), "id"))
        .containsExactly("d-to", "d-inside", "d-from");
    assertThat(each(ok("/api/v1/deliveries?window=4h&offset=1&limit=2").get("notifications"), "id"))
        .containsExactly("d-inside", "d-from");
    assertThat(each(ok("/api/v1/deliveries?window=4h&offset=3").get("notifications"), "id"))
        .containsExactly("d-before");
    // The default last hour (11:00 to 12:00) holds none of them.
    JsonNode lastHour = ok("/api/v1/deliveries");
    assertThat(lastHour.get("from").asString()).isEqualTo("2026-03-01T11:00:00Z");
    assertThat(lastHour.get("notifications").size()).isZero();
  }

  @Test
  void listsTheSuppressionsOfTheRange() throws Exception {
    JsonNode body = ok("/api/v1/deliveries/suppressed?" + HOUR);

    assertThat(body.get("from").asString()).isEqualTo("2026-03-01T09:00:00Z");
    JsonNode rows = body.get("suppressed");
    assertThat(each(rows, "id")).containsExactly("s-inside", "s-from");
    assertThat(each(rows, "time")).containsExactly("2026-03-01T09:15:00Z", "2026-03-01T09:00:00Z");
    assertThat(each(rows, "reason")).containsExactly("MAINTENANCE", "SILENCED");
    assertThat(each(rows, "suppressedBy")).containsExactly("by-s-inside", "by-s-from");
    assertThat(each(rows, "channelId")).containsExactly("hook", "hook");
    assertThat(each(rows, "summary")).containsExactly("firing s-inside", "firing s-from");
    assertThat(each(rows, "idempotencyKey")).containsExactly("key-s-inside", "key-s-from");
    assertThat(
            each(
                ok("/api/v1/deliveries/suppressed?window=3h&offset=1&limit=1").get("suppressed"),
                "id"))
        .containsExactly("s-inside");
  }

  @Test
  void refusesParametersItCannotUseSayingWhatToGive() throws Exception {
    assertThat(error("/api/v1/deliveries?to=2026-03-01T10:00:00Z", 400))
        .isEqualTo("parameter 'to' needs 'from' (or use 'window')");
    assertThat(error("/api/v1/deliveries/suppressed?window=0m", 400))
        .isEqualTo(
            "parameter 'window' must be a positive number with a unit s, m, h or d, like 15m or"
                + " 7d, was '0m'");
    assertThat(error("/api/v1/deliveries?limit=0", 400))
        .isEqualTo("parameter 'limit' must be a whole number from 1 to 1000, was '0'");
    assertThat(error("/api/v1/deliveries?channel=slack", 400))
        .isEqualTo(
            "unknown parameter 'channel'; this endpoint takes from, limit, offset, to, window");
  }

  /**
   * A notification queued at 07:00 (outside every range above) that failed twice: 503 after 12 ms,
   * then no answer after 5 s, dead. Its next attempt lies after the fixed clock's now, so the
   * delivery loop never picks it up between the two.
   */
  private void seedTwoAttempts() {
    Instant queued = NOW.minus(Duration.ofHours(5));
    outbox.enqueue(
        OutboxRows.row(
            "d-attempted",
            "SLO d-attempted",
            queued,
            "webhook",
            DeliveryStatus.RETRYING,
            0,
            "",
            NOW.plus(Duration.ofDays(1))));
    outbox.recordAttempt(
        new DeliveryAttempt(
            "d-attempted",
            1,
            queued.plusSeconds(1),
            503,
            Duration.ofMillis(12),
            DeliveryStatus.RETRYING,
            "HTTP 503"),
        NOW.plus(Duration.ofDays(1)));
    outbox.recordAttempt(
        new DeliveryAttempt(
            "d-attempted",
            2,
            queued.plusSeconds(61),
            0,
            Duration.ofSeconds(5),
            DeliveryStatus.DEAD,
            "timed out"),
        NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void listsEveryAttemptOfOneNotification() throws Exception {
    JsonNode body = ok("/api/v1/deliveries/d-attempted/attempts");

    assertThat(body.get("id").asString()).isEqualTo("d-attempted");
    JsonNode attempts = body.get("attempts");
    assertThat(attempts.size()).isEqualTo(2);
    assertThat(attempts.get(0).propertyNames())
        .containsExactly("attempt", "time", "statusCode", "latencyMillis", "outcome", "error");
    assertThat(each(attempts, "time"))
        .containsExactly("2026-03-01T07:00:01Z", "2026-03-01T07:01:01Z");
    assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(1);
    assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(503);
    assertThat(attempts.get(0).get("latencyMillis").asLong()).isEqualTo(12);
    assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("RETRYING");
    assertThat(attempts.get(0).get("error").asString()).isEqualTo("HTTP 503");
    assertThat(attempts.get(1).get("attempt").asInt()).isEqualTo(2);
    assertThat(attempts.get(1).get("statusCode").isNull()).isTrue();
    assertThat(attempts.get(1).get("latencyMillis").asLong()).isEqualTo(5000);
    assertThat(attempts.get(1).get("outcome").asString()).isEqualTo("DEAD");
    assertThat(attempts.get(1).get("error").asString()).isEqualTo("timed out");
    // Queued at 07:00: in the range 07:00 to 08:00, dead after its two attempts.
    JsonNode queued =
        ok("/api/v1/deliveries?from=2026-03-01T07:00:00Z&to=2026-03-01T08:00:00Z")
            .get("notifications");
    assertThat(each(queued, "id")).containsExactly("d-attempted");
    assertThat(each(queued, "delivery")).containsExactly("DEAD");
  }

  @Test
  void answers404ForAnUnknownNotification() throws Exception {
    assertThat(error("/api/v1/deliveries/nope/attempts", 404))
        .isEqualTo("no notification with id nope");
  }

  private static OutboxEntry row(
      String id, Instant at, String kind, DeliveryStatus status, int attempts, String error) {
    return OutboxRows.row(id, "SLO " + id, at, kind, status, attempts, error);
  }

  private static Suppression suppression(String id, Instant at, Suppression.Reason reason) {
    return new Suppression(id, "key-" + id, "hook", reason, "by-" + id, "firing " + id, at);
  }
}
