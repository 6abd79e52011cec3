-- Logs of one trace: find the services and time range of a trace's logs by trace id here, then
-- read them from logs by (service_name, timestamp) with trace_id as a filter.
CREATE TABLE IF NOT EXISTS log_trace_index
(
    trace_id     String,
    timestamp    DateTime,
    service_name String,
    span_id      String
)
ENGINE = MergeTree
PARTITION BY toDate(timestamp)
ORDER BY (trace_id, timestamp)
