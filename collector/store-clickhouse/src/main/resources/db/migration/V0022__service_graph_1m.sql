-- Service-graph edges per minute from CLIENT and PRODUCER spans: who called whom, how often
-- (weighted by sample rate), how often it failed, and how long it took, in the same latency
-- buckets as span_red_1m (V0004), so an edge's p99 comes from its buckets. The peer is named by
-- the client span's attributes (a join with the callee's SERVER span inside a view is not
-- practical on 18.16), see spans_to_service_graph_mv (V0023) for the order. Read with sum(...).
CREATE TABLE IF NOT EXISTS service_graph_1m
(
    minute              DateTime,
    client_service      String,
    peer                String,
    connection_type     Enum8('CALL' = 1, 'DATABASE' = 2, 'MESSAGING' = 3),
    is_error            UInt8,
    latency_bucket      UInt8,
    call_count          Float64,
    duration_nanos_sum  Float64
)
ENGINE = SummingMergeTree()
PARTITION BY toDate(minute)
ORDER BY (minute, client_service, peer, connection_type, is_error, latency_bucket)
