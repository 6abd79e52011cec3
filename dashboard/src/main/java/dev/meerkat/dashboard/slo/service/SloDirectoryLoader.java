package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.slo.domain.OpenSloFormat;
import dev.meerkat.dashboard.slo.domain.ParsedSlos;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.dashboard.slo.domain.SloYamlParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads SLOs as code at start: every {@code *.yaml} and {@code *.yml} file of one directory (not
 * its subdirectories), in name order. A file whose first document declares {@code apiVersion:
 * openslo/...} is read as OpenSLO, any other in Meerkat's format ({@link SloYamlParser}). An id
 * defined in two files is an error in the second. Errors name the file and line.
 */
public final class SloDirectoryLoader {

  private static final Pattern OPEN_SLO = Pattern.compile("(?m)^apiVersion:\\s*['\"]?openslo/");

  private final SloYamlParser meerkatFormat = new SloYamlParser();
  private final OpenSloFormat openSlo = new OpenSloFormat();

  /** The SLOs of a directory, and the file each came from. */
  public record Loaded(ParsedSlos parsed, Map<String, String> fileById) {
    public Loaded {
      fileById = Map.copyOf(fileById);
    }
  }

  public ParsedSlos load(Path directory) {
    return loadWithFiles(directory).parsed();
  }

  public Loaded loadWithFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return new Loaded(
          new ParsedSlos(List.of(), List.of(directory + ": SLO directory does not exist")),
          Map.of());
    }
    List<ServiceLevelObjective> slos = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Map<String, String> fileById = new HashMap<>();
    for (Path file : yamlFiles(directory, errors)) {
      String name = file.getFileName().toString();
      ParsedSlos parsed = parse(file, name, errors);
      errors.addAll(parsed.errors());
      for (ServiceLevelObjective slo : parsed.slos()) {
        String first = fileById.putIfAbsent(slo.id(), name);
        if (first == null) {
          slos.add(slo);
        } else {
          errors.add(name + ": duplicate SLO id '" + slo.id() + "', already defined in " + first);
        }
      }
    }
    return new Loaded(new ParsedSlos(slos, errors), fileById);
  }

  private ParsedSlos parse(Path file, String name, List<String> errors) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return OPEN_SLO.matcher(text).find()
          ? openSlo.importSlos(name, text)
          : meerkatFormat.parse(name, text);
    } catch (IOException e) {
      errors.add(name + ": cannot be read: " + e.getMessage());
      return new ParsedSlos(List.of(), List.of());
    }
  }

  private static List<Path> yamlFiles(Path directory, List<String> errors) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      errors.add(directory + ": cannot be listed: " + e.getMessage());
      return List.of();
    }
  }
}
