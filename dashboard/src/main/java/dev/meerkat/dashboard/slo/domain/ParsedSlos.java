package dev.meerkat.dashboard.slo.domain;

import java.util.List;

/**
 * What reading SLOs as code gave: the valid SLOs and, for the rest, one message per problem in the
 * form {@code <source>:<line>: <what is wrong>}.
 *
 * @param slos validated SLOs, in file order
 * @param errors problems; when non-empty the input should be fixed before it is used
 */
public record ParsedSlos(List<ServiceLevelObjective> slos, List<String> errors) {

  public ParsedSlos {
    slos = List.copyOf(slos);
    errors = List.copyOf(errors);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }
}
