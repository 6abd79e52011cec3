-- OTLP log records, one row per record, ordered for "logs of a service in a time range".
-- timestamp is the record's time, else its observed time, else when the collector received it.
-- body is the OTLP body as text: a string as-is, anything else as JSON. "Logs of one trace" go
-- through log_trace_index (V0012) to find the services and time range first.
CREATE TABLE IF NOT EXISTS logs
(
    timestamp               DateTime,
    time_unix_nano          UInt64,
    observed_time_unix_nano UInt64,
    severity_number         UInt8,
    severity_text           String,
    body                    String,
    trace_id                String,
    span_id                 String,
    flags                   UInt32,
    event_name              String,
    service_name            String,
    attribute_keys          Array(String),
    attribute_values        Array(String),
    resource_keys           Array(String),
    resource_values         Array(String),
    scope_name              String,
    scope_version           String
)
ENGINE = MergeTree
PARTITION BY toDate(timestamp)
ORDER BY (service_name, timestamp)
