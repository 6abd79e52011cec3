package dev.meerkat.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.meerkat.store.query.QueryLimitException;
import dev.meerkat.store.query.QueryLimits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A refused query reaches the user with its own message, however deeply Vaadin wrapped it. */
class DashboardErrorHandlerTest {

  @Test
  void findsTheQueryLimitBehindWrappers() {
    QueryLimitException refused =
        assertThrows(
            QueryLimitException.class,
            () ->
                QueryLimits.defaults()
                    .checkRange(
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-03-01T00:00:00Z")));
    RuntimeException wrapped =
        new IllegalStateException("listener failed", new RuntimeException(refused));

    assertThat(DashboardErrorHandler.queryLimit(wrapped)).containsSame(refused);
    assertThat(refused.getMessage())
        .isEqualTo(
            "The time range is 59 days; a query may cover at most 31 days"
                + " (meerkat.query.max-range). Choose a shorter range.");
  }

  @Test
  void otherErrorsStayGeneric() {
    assertThat(DashboardErrorHandler.queryLimit(new IllegalStateException("boom"))).isEmpty();
  }
}
