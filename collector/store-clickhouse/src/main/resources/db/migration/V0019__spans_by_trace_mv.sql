CREATE MATERIALIZED VIEW IF NOT EXISTS spans_by_trace_mv TO spans_by_trace AS
SELECT
    start_time,
    start_time_unix_nano,
    duration_nanos,
    trace_id,
    span_id,
    parent_span_id,
    trace_state,
    service_name,
    span_name,
    span_kind,
    status_code,
    status_message,
    sample_rate,
    attribute_keys,
    attribute_values,
    resource_keys,
    resource_values,
    scope_name,
    scope_version
FROM spans
