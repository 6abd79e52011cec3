package dev.meerkat.dashboard.security.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditingInterceptorTest {

  record Thing(String id, String name) {}

  record SaveResult(Optional<Thing> saved, List<String> problems) {}

  record Outcome(List<String> saved, List<String> unchanged, List<String> errors) {}

  @Test
  void takesTheIdOfWhatWasSavedBeforeTheArguments() {
    SaveResult saved = new SaveResult(Optional.of(new Thing("c-1", "Pager")), List.of());

    assertThat(AuditingInterceptor.changed(saved)).isTrue();
    assertThat(AuditingInterceptor.objectId(saved, new Object[] {"matchers", 3})).isEqualTo("c-1");
    assertThat(AuditingInterceptor.objectId(new Thing("slo-9", "Checkout"), new Object[] {}))
        .isEqualTo("slo-9");
  }

  @Test
  void joinsTheIdsOfAnImport() {
    Outcome outcome = new Outcome(List.of("a", "b"), List.of("c"), List.of());

    assertThat(AuditingInterceptor.changed(outcome)).isTrue();
    assertThat(AuditingInterceptor.objectId(outcome, new Object[] {"document"})).isEqualTo("a,b");
  }

  @Test
  void takesTheFirstStringOrOptionalStringArgumentOtherwise() {
    assertThat(AuditingInterceptor.objectId(true, new Object[] {"slo-1"})).isEqualTo("slo-1");
    assertThat(AuditingInterceptor.objectId(true, new Object[] {Optional.of("ch-2"), 1}))
        .isEqualTo("ch-2");
    assertThat(AuditingInterceptor.objectId(null, new Object[] {7})).isEqualTo("");
  }

  @Test
  void callsThatChangedNothingAreNotChanges() {
    assertThat(AuditingInterceptor.changed(false)).isFalse();
    assertThat(AuditingInterceptor.changed(Optional.empty())).isFalse();
    assertThat(AuditingInterceptor.changed(new SaveResult(Optional.empty(), List.of("bad"))))
        .isFalse();
    assertThat(AuditingInterceptor.changed(new Outcome(List.of(), List.of("c"), List.of())))
        .isFalse();
    assertThat(AuditingInterceptor.changed(null)).isTrue();
  }
}
