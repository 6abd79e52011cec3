-- Only logs correlated with a trace are indexed.
CREATE MATERIALIZED VIEW IF NOT EXISTS log_trace_index_mv TO log_trace_index AS
SELECT trace_id, timestamp, service_name, span_id
FROM logs
WHERE trace_id != ''
