package dev.meerkat.dashboard.slo.api;

import dev.meerkat.dashboard.slo.service.SloPrometheusSnapshots;
import dev.meerkat.dashboard.slo.service.SloService;
import dev.meerkat.dashboard.slo.service.SlosAsCode;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLOs for machines: Prometheus exposition of every SLO's numbers at {@code /metrics}, and
 * OpenSLO v1 export and import at {@code /api/v1/slos/openslo}. The API takes a user's bearer token
 * (any role reads; the import needs the editor role, checked on the service); {@code /metrics} is
 * open unless {@code meerkat.auth.metrics-open=false} (docs/security.md).
 */
@RestController
public class SloEndpoints {

  /** Prometheus text format 0.0.4, which every scraper reads. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final SloService slos;
  private final SlosAsCode asCode;
  private final SloPrometheusSnapshots snapshots = new SloPrometheusSnapshots();

  public SloEndpoints(SloService slos, SlosAsCode asCode) {
    this.slos = slos;
    this.asCode = asCode;
  }

  @GetMapping(value = "/metrics", produces = PROMETHEUS_TEXT)
  public ResponseEntity<String> metrics() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots.snapshot(slos.readings()));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(PROMETHEUS_TEXT))
        .body(out.toString(StandardCharsets.UTF_8));
  }

  @GetMapping(value = "/api/v1/slos/openslo", produces = "application/yaml")
  public String exportOpenSlo() {
    return asCode.exportOpenSlo();
  }

  /**
   * Imports an OpenSLO v1 document: 200 with the SLO ids saved and unchanged, or 400 with every
   * problem (file line included) and nothing saved.
   */
  @PostMapping(value = "/api/v1/slos/openslo", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> importOpenSlo(@RequestBody String document) {
    SlosAsCode.Outcome outcome = asCode.importOpenSlo(document);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("saved", outcome.saved());
    body.put("unchanged", outcome.unchanged());
    body.put("errors", outcome.errors());
    HttpStatus status = outcome.errors().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST;
    return ResponseEntity.status(status).body(body);
  }
}
