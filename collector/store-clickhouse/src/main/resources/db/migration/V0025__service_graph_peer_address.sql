-- Service-graph peers named so that an HTTP or gRPC host can be matched with the service that
-- answered it (server_addresses_1h, V0026): a host is named with its port as the client saw it
-- (server.address:server.port, before semconv 1.21 net.peer.name:net.peer.port), e.g.
-- "inventory:8080", because several services on one host differ only by port. A database without
-- db.namespace/db.name is named by its host, e.g. "postgresql:db1". Otherwise as V0022/V0024.
--
-- A view's query cannot be altered on 18.16: the views of V0022 and V0024 are dropped and
-- replaced by views of new names over the same tables (DROP IF EXISTS and CREATE IF NOT EXISTS
-- make a rerun harmless). Spans inserted by another collector between the DROP and the CREATE
-- (a rolling upgrade) are missing from the graph rollups, nowhere else. Rows written before keep
-- the old names (a host without its port) until retention drops them.
DROP TABLE IF EXISTS service_graph_1m_mv;

CREATE MATERIALIZED VIEW IF NOT EXISTS service_graph_1m_by_address_mv TO service_graph_1m AS
SELECT
    toStartOfMinute(start_time) AS minute,
    service_name AS client_service,
    multiIf(
        has(attribute_keys, 'peer.service'),
            attribute_values[indexOf(attribute_keys, 'peer.service')],
        has(attribute_keys, 'db.system'),
            concat(attribute_values[indexOf(attribute_keys, 'db.system')],
                   multiIf(has(attribute_keys, 'db.namespace'),
                           concat(':', attribute_values[indexOf(attribute_keys, 'db.namespace')]),
                           has(attribute_keys, 'db.name'),
                           concat(':', attribute_values[indexOf(attribute_keys, 'db.name')]),
                           has(attribute_keys, 'server.address'),
                           concat(':', attribute_values[indexOf(attribute_keys, 'server.address')]),
                           '')),
        has(attribute_keys, 'messaging.system'),
            concat(attribute_values[indexOf(attribute_keys, 'messaging.system')],
                   if(has(attribute_keys, 'messaging.destination.name'),
                      concat(':', attribute_values[indexOf(attribute_keys, 'messaging.destination.name')]),
                      if(has(attribute_keys, 'messaging.destination'),
                         concat(':', attribute_values[indexOf(attribute_keys, 'messaging.destination')]), ''))),
        has(attribute_keys, 'server.address'),
            concat(attribute_values[indexOf(attribute_keys, 'server.address')],
                   if(has(attribute_keys, 'server.port'),
                      concat(':', attribute_values[indexOf(attribute_keys, 'server.port')]), '')),
        has(attribute_keys, 'net.peer.name'),
            concat(attribute_values[indexOf(attribute_keys, 'net.peer.name')],
                   if(has(attribute_keys, 'net.peer.port'),
                      concat(':', attribute_values[indexOf(attribute_keys, 'net.peer.port')]), '')),
        '') AS peer,
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
GROUP BY minute, client_service, peer, connection_type, is_error, latency_bucket;

DROP TABLE IF EXISTS service_graph_1h_mv;

CREATE MATERIALIZED VIEW IF NOT EXISTS service_graph_1h_by_address_mv TO service_graph_1h AS
SELECT
    toDateTime(intDiv(toUInt32(start_time), 3600) * 3600) AS hour,
    service_name AS client_service,
    multiIf(
        has(attribute_keys, 'peer.service'),
            attribute_values[indexOf(attribute_keys, 'peer.service')],
        has(attribute_keys, 'db.system'),
            concat(attribute_values[indexOf(attribute_keys, 'db.system')],
                   multiIf(has(attribute_keys, 'db.namespace'),
                           concat(':', attribute_values[indexOf(attribute_keys, 'db.namespace')]),
                           has(attribute_keys, 'db.name'),
                           concat(':', attribute_values[indexOf(attribute_keys, 'db.name')]),
                           has(attribute_keys, 'server.address'),
                           concat(':', attribute_values[indexOf(attribute_keys, 'server.address')]),
                           '')),
        has(attribute_keys, 'messaging.system'),
            concat(attribute_values[indexOf(attribute_keys, 'messaging.system')],
                   if(has(attribute_keys, 'messaging.destination.name'),
                      concat(':', attribute_values[indexOf(attribute_keys, 'messaging.destination.name')]),
                      if(has(attribute_keys, 'messaging.destination'),
                         concat(':', attribute_values[indexOf(attribute_keys, 'messaging.destination')]), ''))),
        has(attribute_keys, 'server.address'),
            concat(attribute_values[indexOf(attribute_keys, 'server.address')],
                   if(has(attribute_keys, 'server.port'),
                      concat(':', attribute_values[indexOf(attribute_keys, 'server.port')]), '')),
        has(attribute_keys, 'net.peer.name'),
            concat(attribute_values[indexOf(attribute_keys, 'net.peer.name')],
                   if(has(attribute_keys, 'net.peer.port'),
                      concat(':', attribute_values[indexOf(attribute_keys, 'net.peer.port')]), '')),
        '') AS peer,
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
