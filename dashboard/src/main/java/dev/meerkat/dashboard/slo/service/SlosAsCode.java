package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.security.domain.Audited;
import dev.meerkat.dashboard.slo.domain.OpenSloFormat;
import dev.meerkat.dashboard.slo.domain.ParsedSlos;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.dashboard.slo.domain.StoredSlos;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import dev.meerkat.store.slo.SloSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * SLOs as code: the YAML files of a directory (loaded at start) and OpenSLO v1 documents (imported
 * and exported over HTTP). A loaded SLO is created or updated; its webhook and low-traffic guard,
 * which the file formats do not carry, are kept from the stored version.
 */
public class SlosAsCode {

  private static final Logger logger = LoggerFactory.getLogger(SlosAsCode.class);

  /** Origin of SLOs imported as OpenSLO over HTTP (they are then managed as code too). */
  public static final String OPENSLO_IMPORT = "openslo-import";

  private final SloRepository slos;
  private final Clock clock;
  private final SloDirectoryLoader loader = new SloDirectoryLoader();
  private final OpenSloFormat openSlo = new OpenSloFormat();

  public SlosAsCode(SloRepository slos, Clock clock) {
    this.slos = slos;
    this.clock = clock;
  }

  /** What a load or import did. */
  public record Outcome(List<String> saved, List<String> unchanged, List<String> errors) {
    public Outcome {
      saved = List.copyOf(saved);
      unchanged = List.copyOf(unchanged);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Loads every SLO file of {@code directory}. Files with errors are reported (logged and
   * returned); the valid SLOs of the other files are still saved.
   */
  public Outcome loadDirectory(Path directory) {
    SloDirectoryLoader.Loaded loaded = loader.loadWithFiles(directory);
    Outcome outcome =
        save(
            loaded.parsed(), slo -> loaded.fileById().getOrDefault(slo.id(), directory.toString()));
    for (String error : outcome.errors()) {
      logger.warn("SLO file problem: {}", error);
    }
    logger.info(
        "SLOs from {}: {} saved, {} unchanged, {} problems",
        directory,
        outcome.saved().size(),
        outcome.unchanged().size(),
        outcome.errors().size());
    return outcome;
  }

  /**
   * Imports an OpenSLO v1 document. Nothing is saved when it has any error: an upload is one change
   * that either applies or is rejected with every problem listed.
   */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "import", object = "slo")
  public Outcome importOpenSlo(String text) {
    return importOpenSlo("upload", text);
  }

  /**
   * As {@link #importOpenSlo(String)}; problems are reported as {@code <source>:<line>: ...}, e.g.
   * with the uploaded file's name.
   */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "import", object = "slo")
  public Outcome importOpenSlo(String source, String text) {
    ParsedSlos parsed = openSlo.importSlos(source, text);
    if (!parsed.isValid()) {
      return new Outcome(List.of(), List.of(), parsed.errors());
    }
    return save(parsed, slo -> OPENSLO_IMPORT);
  }

  /** Every current SLO as one OpenSLO v1 document. */
  public String exportOpenSlo() {
    return openSlo.export(slos.listCurrent().stream().map(StoredSlos::objective).toList());
  }

  private Outcome save(ParsedSlos parsed, Function<ServiceLevelObjective, String> origin) {
    Instant now = clock.instant();
    List<String> saved = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (ServiceLevelObjective slo : parsed.slos()) {
      Optional<SloDefinition> stored = slos.find(slo.id());
      SloDefinition next =
          StoredSlos.definition(
                  slo,
                  stored.map(SloDefinition::webhookUrl).orElse(""),
                  stored.map(d -> d.spec().minimumEvents()).orElse(SloSpec.DEFAULT_MINIMUM_EVENTS),
                  origin.apply(slo),
                  now)
              // Labels are not part of the file formats either: they keep their stored values.
              .withLabels(stored.map(d -> d.spec().labels()).orElse(Map.of()));
      if (stored.isPresent() && sameContent(stored.get(), next)) {
        unchanged.add(slo.id());
      } else {
        slos.save(next);
        saved.add(slo.id());
      }
    }
    return new Outcome(saved, unchanged, parsed.errors());
  }

  /** Equal apart from version and time: loading the same files at every start writes nothing. */
  private static boolean sameContent(SloDefinition stored, SloDefinition next) {
    return stored
        .withVersion(0)
        .withUpdatedAt(Instant.EPOCH)
        .equals(next.withVersion(0).withUpdatedAt(Instant.EPOCH));
  }
}
