package dev.meerkat.store.clickhouse.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClickHouseSloRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final ClickHouseStore store = ClickHouseFixture.shared().newDatabase();
  private final SloRepository repository = new ClickHouseSloRepository(store);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void savesVersionsAndReadsTheLatest() {
    SloDefinition saved = repository.save(slo("a", "Checkout 'availability'", 0.995, T0));
    SloDefinition updated = repository.save(slo("a", "Checkout v2", 0.999, T0.plusSeconds(60)));

    assertThat(saved.version()).isEqualTo(1);
    assertThat(updated.version()).isEqualTo(2);
    assertThat(repository.find("a")).contains(updated);
    assertThat(repository.listCurrent()).containsExactly(updated);
  }

  @Test
  void listsCurrentDefinitionsByName() {
    SloDefinition b = repository.save(slo("id-1", "b", 0.99, T0));
    SloDefinition a = repository.save(slo("id-2", "a", 0.9, T0));

    assertThat(repository.listCurrent()).containsExactly(a, b);
  }

  @Test
  void deleteWritesTombstoneThatHidesTheSlo() {
    repository.save(slo("gone", "gone", 0.99, T0));
    SloDefinition kept = repository.save(slo("kept", "kept", 0.99, T0));

    repository.delete("gone", T0.plusSeconds(5));

    assertThat(repository.find("gone")).isEmpty();
    assertThat(repository.listCurrent()).containsExactly(kept);
    assertThat(
            store
                .query(
                    "SELECT max(version) AS v, argMax(deleted, version) AS d"
                        + " FROM slo_definitions WHERE slo_id = 'gone'")
                .getFirst()
                .toString())
        .isEqualTo("Row{v=2, d=1}");
  }

  @Test
  void savingAfterDeleteRevivesWithHigherVersion() {
    repository.save(slo("x", "x", 0.99, T0));
    repository.delete("x", T0);

    assertThat(repository.save(slo("x", "x again", 0.99, T0)).version()).isEqualTo(3);
    assertThat(repository.find("x")).get().extracting(SloDefinition::name).isEqualTo("x again");
  }

  private static SloDefinition slo(String id, String name, double objective, Instant at) {
    return new SloDefinition(
        id,
        0,
        name,
        "checkout",
        objective,
        Duration.ofDays(30),
        2.0,
        "https://hooks.example.com/T/abc?x=1",
        at);
  }
}
