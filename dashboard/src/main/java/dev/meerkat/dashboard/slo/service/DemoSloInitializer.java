package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.slo.domain.NewSlo;
import dev.meerkat.dashboard.slo.domain.SloWindow;
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
    slos.create(
        new NewSlo(
            "Checkout availability",
            SERVICE,
            99.5,
            SloWindow.ONE_DAY,
            NewSlo.DEFAULT_BURN_RATE_THRESHOLD,
            webhookUrl));
    logger.info("Created the demo SLO: checkout availability 99.5 % over 1 day");
  }
}
