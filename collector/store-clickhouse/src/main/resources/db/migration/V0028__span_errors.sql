-- What burned an availability SLO's budget (the SLO page's "budget burners", GET /api/v1/slos/{id}):
-- the failed requests only (server and consumer spans with status ERROR), with their error type
-- already picked, ordered by service and time. Grouping 30 days of one service from spans read
-- every span of the service with its attribute and event arrays (about a million rows, 0.5-1.1 s
-- at 10 million spans stored), here it reads the failed ones and five narrow columns.
-- error_type is the span's status message, else the exception.type of its first exception event,
-- else its error.type attribute (an index of 0, not found, yields an empty value), as ErrorCause
-- documents. Partitioned by day like spans, and kept as long as spans (retention signal spans).
-- Filled by span_errors_mv from spans. A database that held spans before this view is read from
-- spans before its first row (ClickHouseErrorCauseRepository).
CREATE TABLE IF NOT EXISTS span_errors
(
    start_time   DateTime,
    trace_id     String,
    service_name String,
    span_name    String,
    error_type   String,
    sample_rate  Float64
)
ENGINE = MergeTree
PARTITION BY toDate(start_time)
ORDER BY (service_name, start_time);

CREATE MATERIALIZED VIEW IF NOT EXISTS span_errors_mv TO span_errors AS
SELECT
    start_time,
    trace_id,
    service_name,
    span_name,
    multiIf(
        status_message != '', status_message,
        arrayElement(arrayElement(event_attribute_values, indexOf(event_names, 'exception')),
            indexOf(arrayElement(event_attribute_keys, indexOf(event_names, 'exception')),
                'exception.type')) != '',
        arrayElement(arrayElement(event_attribute_values, indexOf(event_names, 'exception')),
            indexOf(arrayElement(event_attribute_keys, indexOf(event_names, 'exception')),
                'exception.type')),
        arrayElement(attribute_values, indexOf(attribute_keys, 'error.type'))) AS error_type,
    sample_rate
FROM spans
WHERE span_kind IN ('SERVER', 'CONSUMER') AND status_code = 'ERROR'
