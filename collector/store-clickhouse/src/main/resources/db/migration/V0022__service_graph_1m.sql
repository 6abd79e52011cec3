-- Service-graph edges per minute from CLIENT and PRODUCER spans: who called whom, how often
-- (weighted by sample rate), how often it failed, and how long it took, in the same latency
-- buckets as span_red_1m (V0004), so an edge's p99 comes from its buckets. Read with sum(...).
--
-- The peer is named by the client span's attributes (a join with the callee's SERVER span inside
-- a view is not practical on 18.16), the first that is present: peer.service (the callee
-- service's name, set by the caller); for a database call db.system and its namespace
-- (db.namespace, before semconv 1.26 db.name), e.g. "postgresql:orders"; for messaging
-- messaging.system and the destination (messaging.destination.name, before 1.17
-- messaging.destination), e.g. "kafka:orders"; else the host called (server.address, before 1.21
-- net.peer.name). Spans with none are skipped.
--
-- One flat SELECT: 18.16 runs a view's outermost FROM on the inserted block, so a subquery over
-- spans fails there ("Unknown identifier"). One statement, a view with its own inner
-- SummingMergeTree table, read and retained (DROP PARTITION works on the view) as
-- service_graph_1m.
-- A table and a view TO it (not a view with an inner table), so cluster mode can give each
-- server its own table and retention drops the table's partitions.
CREATE TABLE IF NOT EXISTS service_graph_1m
(
    minute               DateTime,
    client_service       String,
    peer                 String,
    connection_type      Enum8('CALL' = 1, 'DATABASE' = 2, 'MESSAGING' = 3),
    is_error             UInt8,
    latency_bucket       UInt8,
    call_count           Float64,
    duration_nanos_sum   Float64
)
ENGINE = SummingMergeTree()
PARTITION BY toDate(minute)
ORDER BY (minute, client_service, peer, connection_type, is_error, latency_bucket);

CREATE MATERIALIZED VIEW IF NOT EXISTS service_graph_1m_mv TO service_graph_1m AS
SELECT
    toStartOfMinute(start_time) AS minute,
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
GROUP BY minute, client_service, peer, connection_type, is_error, latency_bucket
