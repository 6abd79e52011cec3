package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.SqlLiteral.dateTime;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services that answered SERVER requests at each {@code host:port} in a window, from {@code
 * server_addresses_1h}: how a CALL peer named by the address the client used becomes the service
 * that answered there. Read by whole hours: the hours that overlap the window, since a name mapping
 * needs no minute precision.
 */
final class ServedAddresses {

  private final Map<String, Set<String>> servicesByAddress;

  private ServedAddresses(Map<String, Set<String>> servicesByAddress) {
    this.servicesByAddress = servicesByAddress;
  }

  static ServedAddresses read(ClickHouseStore store, Instant from, Instant to) {
    Map<String, Set<String>> services = new HashMap<>();
    for (Row row :
        store.read(
            "SELECT address, service_name FROM server_addresses_1h WHERE hour >= toDateTime("
                + Math.floorDiv(from.getEpochSecond(), 3600) * 3600
                + ") AND hour < "
                + dateTime(to)
                + " GROUP BY address, service_name")) {
      services
          .computeIfAbsent(row.string("address"), address -> new TreeSet<>())
          .add(row.string("service_name"));
    }
    return new ServedAddresses(services);
  }

  /**
   * The one service that answered at {@code address}; empty when none did or several did (a load
   * balancer or proxy in front of several services), since the calls cannot be split between them.
   */
  Optional<String> serviceAt(String address) {
    Set<String> services = servicesByAddress.getOrDefault(address, Set.of());
    return services.size() == 1 ? Optional.of(services.iterator().next()) : Optional.empty();
  }
}
