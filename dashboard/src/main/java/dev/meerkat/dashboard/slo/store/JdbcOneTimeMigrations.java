package dev.meerkat.dashboard.slo.store;

import dev.meerkat.dashboard.slo.service.SloDefinitionCarryOver;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One-time data migrations recorded in {@code state_migrations}. */
public final class JdbcOneTimeMigrations implements SloDefinitionCarryOver.OneTimeMigrations {

  private final JdbcClient jdbc;

  public JdbcOneTimeMigrations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean isDone(String name) {
    return jdbc.sql("SELECT COUNT(*) FROM state_migrations WHERE name = ?")
            .param(name)
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  public void markDone(String name, Instant at, String detail) {
    if (!isDone(name)) {
      jdbc.sql("INSERT INTO state_migrations (name, applied_at, detail) VALUES (?, ?, ?)")
          .params(name, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), detail)
          .update();
    }
  }
}
