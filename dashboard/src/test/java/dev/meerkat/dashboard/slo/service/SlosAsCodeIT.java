package dev.meerkat.dashboard.slo.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.slo.store.JdbcSloRepository;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.dashboard.testing.TestClock;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLOs as code against the real relational store (H2 file): a directory loaded at every start
 * writes only what changed, keeps what the files do not carry, and reports broken files.
 */
class SlosAsCodeIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path directory;

  private final StateDatabase.Connection state = StateDatabase.h2().open();
  private final JdbcSloRepository slos = new JdbcSloRepository(state.jdbc(), state.transactions());
  private final TestClock clock = new TestClock(T0);
  private final SlosAsCode asCode = new SlosAsCode(slos, clock);

  @AfterEach
  void close() {
    state.close();
  }

  @Test
  void createsThenLeavesUnchangedThenUpdatesKeepingTheWebhookAndGuard() throws IOException {
    write("checkout.yaml", "99.9");

    assertThat(asCode.loadDirectory(directory))
        .isEqualTo(new SlosAsCode.Outcome(List.of("checkout-availability"), List.of(), List.of()));
    SloDefinition created = slos.find("checkout-availability").orElseThrow();
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.objective()).isEqualTo(0.999);
    assertThat(created.spec())
        .isEqualTo(
            new SloSpec("availability", 0, List.of("POST /pay"), "28d", 10, "checkout.yaml"));

    // Someone set a webhook and a guard in the dashboard; the next start changes nothing.
    slos.save(
        new SloDefinition(
            created.id(),
            0,
            created.name(),
            created.service(),
            created.objective(),
            created.window(),
            0,
            "http://hooks.example/a",
            T0,
            new SloSpec("availability", 0, List.of("POST /pay"), "28d", 50, "checkout.yaml")));
    clock.advance(Duration.ofHours(1));
    assertThat(asCode.loadDirectory(directory))
        .isEqualTo(new SlosAsCode.Outcome(List.of(), List.of("checkout-availability"), List.of()));
    assertThat(slos.versions("checkout-availability")).hasSize(2);

    // The file changes: a new version, with the objective from the file and the rest kept.
    write("checkout.yaml", "99.5");
    assertThat(asCode.loadDirectory(directory).saved()).containsExactly("checkout-availability");
    SloDefinition updated = slos.find("checkout-availability").orElseThrow();
    assertThat(updated.version()).isEqualTo(3);
    assertThat(updated.objective()).isEqualTo(0.995);
    assertThat(updated.webhookUrl()).isEqualTo("http://hooks.example/a");
    assertThat(updated.spec().minimumEvents()).isEqualTo(50);
    assertThat(updated.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void reportsABrokenFileAndStillLoadsTheOthers() throws IOException {
    write("a-checkout.yaml", "99.9");
    Files.writeString(
        directory.resolve("b-broken.yaml"),
        "slos:\n  - id: cart\n    service: cart\n    indicator: availability\n"
            + "    objective: 100\n    window: 30d\n");

    SlosAsCode.Outcome outcome = asCode.loadDirectory(directory);

    assertThat(outcome.saved()).containsExactly("checkout-availability");
    assertThat(outcome.errors())
        .containsExactly(
            "b-broken.yaml:2: SLO 'cart': objective must be a percentage between 0 and 100 (exclusive), e.g."
                + " 99.9, was 100.0");
    assertThat(slos.listCurrent())
        .extracting(SloDefinition::id)
        .containsExactly("checkout-availability");
  }

  private void write(String name, String objective) throws IOException {
    Files.writeString(
        directory.resolve(name),
        "slos:\n"
            + "  - id: checkout-availability\n"
            + "    name: Checkout availability\n"
            + "    service: checkout\n"
            + "    indicator: availability\n"
            + "    operations: [POST /pay]\n"
            + "    objective: "
            + objective
            + "\n"
            + "    window: 28d\n");
  }
}
