package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.security.service.SystemUser;
import dev.meerkat.dashboard.slo.domain.SloDraft;
import dev.meerkat.store.slo.SloSpec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * For {@code ./meerkat demo}: creates an availability SLO on the demo's checkout service once, so
 * the SLO page shows a live burn rate within minutes of the first start. A later start finds it and
 * creates nothing (a deleted demo SLO comes back on the next start, as a demo should).
 */
public final class DemoSloInitializer implements ApplicationRunner {
  static final String SERVICE = "checkout";
  static final String ID = "checkout-availability";
  private static final Logger logger = LoggerFactory.getLogger(DemoSloInitializer.class);

  private final SloService slos;
  private final String webhookUrl;

  /**
   * @param webhookUrl where the demo SLO's alerts go, empty for no channel
   */
  public DemoSloInitializer(SloService slos, String webhookUrl) {
    this.slos = slos;
    this.webhookUrl = webhookUrl;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (slos.coversService(SERVICE)) {
      return;
    }
    // The demo's inventory fails 3 % of its calls and checkout answers 502 then: against 99.5 %
    // that is a burn rate of about 6, so the budget visibly burns down and the page alert's
    // 6 h / 30 m condition fires within minutes; the SLO page leads to the failing traces.
    // As the system: saving an SLO takes the editor role, and the audit log names who did it.
    SystemUser.run(
        "demo-setup",
        () ->
            slos.save(
                new SloDraft(
                    ID,
                    "Checkout availability",
                    SERVICE,
                    "availability",
                    null,
                    List.of(),
                    99.5,
                    "30d"),
                webhookUrl,
                SloSpec.DEFAULT_MINIMUM_EVENTS));
    logger.info("Created the demo SLO: checkout availability 99.5 % over 30 days");
  }
}
