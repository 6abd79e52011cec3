-- Hourly service-graph edges, so a graph over days reads hour rows for its whole hours (and
-- service_graph_1m only for the partial hours at its edges). A table and a view like
-- V0022, fed from spans like V0022, not from service_graph_1m: on 18.16 a view on a view's target
-- table does not see the rows the first view writes. Hours are epoch-aligned (see V0021).
-- A table and a view TO it (not a view with an inner table), so cluster mode can give each
-- server its own table and retention drops the table's partitions.
CREATE TABLE IF NOT EXISTS service_graph_1h
(
    hour                 DateTime,
    client_service       String,
    peer                 String,
    connection_type      Enum8('CALL' = 1, 'DATABASE' = 2, 'MESSAGING' = 3),
    is_error             UInt8,
    latency_bucket       UInt8,
    call_count           Float64,
    duration_nanos_sum   Float64
)
ENGINE = SummingMergeTree()
PARTITION BY toDate(hour)
ORDER BY (hour, client_service, peer, connection_type, is_error, latency_bucket);

CREATE MATERIALIZED VIEW IF NOT EXISTS service_graph_1h_mv TO service_graph_1h AS
SELECT
    toDateTime(intDiv(toUInt32(start_time), 3600) * 3600) AS hour,
    service_name AS client_service,
    multiIf(
        has(attribute_keys, 'peer.service'),
            attribute_values[indexOf(attribute_keys, 'peer.service')],
        has(attribute_keys, 'db.system'),
            concat(attribute_values[indexOf(attribute_keys, 'db.system')],
                   if(has(attribute_keys, 'db.namespace'),
                      concat(':', attribute_values[indexOf(attribute_keys, 'db.namespace')]),
                      if(has(attribute_keys, 'db.name'),
                         concat(':', attribute_values[indexOf(attribute_keys, 'db.name')]), ''))),
        has(attribute_keys, 'messaging.system'),
            concat(attribute_values[indexOf(attribute_keys, 'messaging.system')],
                   if(has(attribute_keys, 'messaging.destination.name'),
                      concat(':', attribute_values[indexOf(attribute_keys, 'messaging.destination.name')]),
                      if(has(attribute_keys, 'messaging.destination'),
                         concat(':', attribute_values[indexOf(attribute_keys, 'messaging.destination')]), ''))),
        has(attribute_keys, 'server.address'),
            attribute_values[indexOf(attribute_keys, 'server.address')],
        attribute_values[indexOf(attribute_keys, 'net.peer.name')]) AS peer,
    CAST(multiIf(
        has(attribute_keys, 'peer.service'), 1,
        has(attribute_keys, 'db.system'), 2,
        has(attribute_keys, 'messaging.system'), 3,
        1) AS Enum8('CALL' = 1, 'DATABASE' = 2, 'MESSAGING' = 3)) AS connection_type,
    toUInt8(status_code = 'ERROR') AS is_error,
    toUInt8(least(255, greatest(0, floor(log2(greatest(duration_nanos, 1000) / 1000) * 4)))) AS latency_bucket,
    sum(sample_rate) AS call_count,
    sum(duration_nanos * sample_rate) AS duration_nanos_sum
FROM spans
WHERE span_kind IN ('CLIENT', 'PRODUCER') AND peer != ''
GROUP BY hour, client_service, peer, connection_type, is_error, latency_bucket
