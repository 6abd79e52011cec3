-- Which service answered at which address, per hour, from SERVER spans: the address a caller
-- used (server.address and server.port, from the request's Host or authority) and the service
-- that recorded the span. The service graph renames a CALL peer "host:port" (V0025) to the
-- service that answered there in the window, when exactly one did, so a call between two
-- instrumented services is an edge between them without peer.service set by the caller. A join
-- of client and server spans is not possible in a view on 18.16; this small table replaces it.
-- Read with sum(span_count) GROUP BY. A table and a view TO it, like V0024, so cluster mode gives
-- each server its own table and retention drops its partitions.
CREATE TABLE IF NOT EXISTS server_addresses_1h
(
    hour          DateTime,
    address       String,
    service_name  String,
    span_count    Float64
)
ENGINE = SummingMergeTree()
PARTITION BY toDate(hour)
ORDER BY (hour, address, service_name);

CREATE MATERIALIZED VIEW IF NOT EXISTS server_addresses_1h_mv TO server_addresses_1h AS
SELECT
    toDateTime(intDiv(toUInt32(start_time), 3600) * 3600) AS hour,
    concat(attribute_values[indexOf(attribute_keys, 'server.address')],
           if(has(attribute_keys, 'server.port'),
              concat(':', attribute_values[indexOf(attribute_keys, 'server.port')]), '')) AS address,
    service_name,
    sum(sample_rate) AS span_count
FROM spans
WHERE span_kind = 'SERVER' AND has(attribute_keys, 'server.address')
GROUP BY hour, address, service_name
