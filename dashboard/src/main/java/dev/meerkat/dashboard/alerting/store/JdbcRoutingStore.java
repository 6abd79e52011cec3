package dev.meerkat.dashboard.alerting.store;

import static dev.meerkat.dashboard.alerting.store.Times.instant;
import static dev.meerkat.dashboard.alerting.store.Times.utc;

import dev.meerkat.dashboard.alerting.domain.AlertRoute;
import dev.meerkat.dashboard.alerting.domain.LabelMatchers;
import dev.meerkat.dashboard.alerting.domain.MaintenanceWindow;
import dev.meerkat.dashboard.alerting.domain.Silence;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.alerting.service.RoutingStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Routes in {@code routes}, silences in {@code silences}, windows in {@code maintenance_windows},
 * suppressed notifications in {@code suppressed_notifications}; matchers as JSON objects.
 */
public final class JdbcRoutingStore implements RoutingStore {

  private static final String SUPPRESSIONS =
      "SELECT id, idempotency_key, channel_id, reason, suppressed_by, summary, suppressed_at"
          + " FROM suppressed_notifications";

  private final JdbcClient jdbc;
  private final StateJson json = new StateJson();

  public JdbcRoutingStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<AlertRoute> routes() {
    return jdbc.sql(
            "SELECT id, ordinal, matchers, channel_ids, continue_matching FROM routes"
                + " ORDER BY ordinal, id")
        .query(
            (rs, row) ->
                new AlertRoute(
                    rs.getString("id"),
                    rs.getInt("ordinal"),
                    new LabelMatchers(json.readMap(rs.getString("matchers"))),
                    json.readList(rs.getString("channel_ids")),
                    rs.getBoolean("continue_matching")))
        .list();
  }

  @Override
  public void saveRoute(AlertRoute route) {
    deleteRoute(route.id());
    jdbc.sql(
            "INSERT INTO routes (id, ordinal, matchers, channel_ids, continue_matching)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            route.id(),
            route.ordinal(),
            json.write(route.matchers().required()),
            json.write(route.channelIds()),
            route.continueMatching())
        .update();
  }

  @Override
  public boolean deleteRoute(String id) {
    return jdbc.sql("DELETE FROM routes WHERE id = ?").param(id).update() == 1;
  }

  @Override
  public List<Silence> silences(Instant now) {
    return jdbc.sql(
            "SELECT id, matchers, comment, created_by, starts_at, ends_at FROM silences"
                + " WHERE ends_at > ? ORDER BY ends_at, id")
        .param(utc(now))
        .query(
            (rs, row) ->
                new Silence(
                    rs.getString("id"),
                    new LabelMatchers(json.readMap(rs.getString("matchers"))),
                    rs.getString("comment"),
                    rs.getString("created_by"),
                    instant(rs, "starts_at"),
                    instant(rs, "ends_at")))
        .list();
  }

  @Override
  public void saveSilence(Silence silence) {
    jdbc.sql("DELETE FROM silences WHERE id = ?").param(silence.id()).update();
    jdbc.sql(
            "INSERT INTO silences (id, matchers, comment, created_by, starts_at, ends_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            silence.id(),
            json.write(silence.matchers().required()),
            silence.comment(),
            silence.createdBy(),
            utc(silence.startsAt()),
            utc(silence.endsAt()))
        .update();
  }

  @Override
  public boolean expireSilence(String id, Instant now) {
    return jdbc.sql("UPDATE silences SET ends_at = ? WHERE id = ? AND ends_at > ?")
            .params(utc(now), id, utc(now))
            .update()
        == 1;
  }

  @Override
  public List<MaintenanceWindow> maintenanceWindows() {
    return jdbc.sql(
            "SELECT id, name, matchers, daily_start, daily_end, starts_at, ends_at"
                + " FROM maintenance_windows ORDER BY name, id")
        .query(
            (rs, row) ->
                new MaintenanceWindow(
                    rs.getString("id"),
                    rs.getString("name"),
                    new LabelMatchers(json.readMap(rs.getString("matchers"))),
                    time(rs.getString("daily_start")),
                    time(rs.getString("daily_end")),
                    instant(rs, "starts_at"),
                    instant(rs, "ends_at")))
        .list();
  }

  @Override
  public void saveMaintenanceWindow(MaintenanceWindow window) {
    deleteMaintenanceWindow(window.id());
    jdbc.sql(
            "INSERT INTO maintenance_windows (id, name, matchers, daily_start, daily_end,"
                + " starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            window.id(),
            window.name(),
            json.write(window.matchers().required()),
            window.dailyStart() == null ? null : window.dailyStart().toString(),
            window.dailyEnd() == null ? null : window.dailyEnd().toString(),
            utc(window.startsAt()),
            utc(window.endsAt()))
        .update();
  }

  @Override
  public boolean deleteMaintenanceWindow(String id) {
    return jdbc.sql("DELETE FROM maintenance_windows WHERE id = ?").param(id).update() == 1;
  }

  @Override
  public void recordSuppression(Suppression s) {
    jdbc.sql(
            "INSERT INTO suppressed_notifications (id, idempotency_key, channel_id, reason,"
                + " suppressed_by, summary, suppressed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            s.id(),
            s.idempotencyKey(),
            s.channelId(),
            s.reason().name(),
            s.suppressedBy(),
            s.summary().length() <= 500 ? s.summary() : s.summary().substring(0, 500),
            utc(s.at()))
        .update();
  }

  @Override
  public List<Suppression> suppressions(int limit) {
    return jdbc.sql(
            SUPPRESSIONS + " ORDER BY suppressed_at DESC, id" + Times.page(0, Math.max(1, limit)))
        .query(JdbcRoutingStore::suppression)
        .list();
  }

  @Override
  public List<Suppression> suppressions(Instant from, Instant to, int offset, int limit) {
    return jdbc.sql(
            SUPPRESSIONS
                + " WHERE suppressed_at >= ? AND suppressed_at < ?"
                + " ORDER BY suppressed_at DESC, id"
                + Times.page(offset, limit))
        .params(utc(from), utc(to))
        .query(JdbcRoutingStore::suppression)
        .list();
  }

  private static Suppression suppression(ResultSet rs, int row) throws SQLException {
    return new Suppression(
        rs.getString("id"),
        rs.getString("idempotency_key"),
        rs.getString("channel_id"),
        Suppression.Reason.valueOf(rs.getString("reason")),
        rs.getString("suppressed_by"),
        rs.getString("summary"),
        instant(rs, "suppressed_at"));
  }

  private static LocalTime time(String text) {
    return text == null ? null : LocalTime.parse(text);
  }
}
