-- Fast whole-trace lookup: find a trace's time range and services by id, then read its spans
-- from the spans table within that range (partition pruning keeps it cheap).
CREATE TABLE IF NOT EXISTS trace_index
(
    trace_id     String,
    start_time   DateTime,
    service_name String,
    span_id      String
)
ENGINE = MergeTree
PARTITION BY toDate(start_time)
ORDER BY (trace_id, start_time)
