package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import java.util.List;
import org.springframework.stereotype.Service;

/** Alert history for the alerts view. */
@Service
public class AlertHistoryService {

  private final AlertEventRepository alerts;

  AlertHistoryService(AlertEventRepository alerts) {
    this.alerts = alerts;
  }

  public List<AlertEvent> history(int offset, int limit) {
    return alerts.history(offset, limit);
  }
}
