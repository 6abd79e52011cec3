-- Whole-trace reads: the spans again, ordered by trace id, so reading one trace touches a few
-- granules per part instead of every span of its services in its time range (spans is ordered by
-- service, operation and time for search and aggregation). Partitioned by day like spans, so
-- retention drops both the same way, and trace_index's time range prunes the partitions.
-- Filled by spans_by_trace_mv (V0019) with an explicit column list: a column added to spans later
-- is added here and to the view on purpose, not by accident.
CREATE TABLE IF NOT EXISTS spans_by_trace
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
ORDER BY (trace_id, start_time)
