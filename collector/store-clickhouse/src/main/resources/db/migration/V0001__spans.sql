-- Spans as sent over OTLP, one row per span, ordered for search and aggregation by service,
-- operation and time. Whole-trace lookups go through trace_index (V0002).
-- Runs on ClickHouse 18.16 and current releases: no DateTime64, Map, TTL or codecs.
CREATE TABLE IF NOT EXISTS spans
(
    start_time           DateTime,
    start_time_unix_nano UInt64,
    duration_nanos       UInt64,
    trace_id             String,
    span_id              String,
    parent_span_id       String,
    trace_state          String,
    service_name         String,
    span_name            String,
    span_kind            Enum8('UNSPECIFIED' = 0, 'INTERNAL' = 1, 'SERVER' = 2, 'CLIENT' = 3, 'PRODUCER' = 4, 'CONSUMER' = 5),
    status_code          Enum8('UNSET' = 0, 'OK' = 1, 'ERROR' = 2),
    status_message       String,
    http_method          String,
    http_route           String,
    http_status_code     UInt16,
    peer_service         String,
    sample_rate          Float64,
    attribute_keys       Array(String),
    attribute_values     Array(String),
    resource_keys        Array(String),
    resource_values      Array(String),
    scope_name           String,
    scope_version        String
)
ENGINE = MergeTree
PARTITION BY toDate(start_time)
ORDER BY (service_name, span_name, start_time)
