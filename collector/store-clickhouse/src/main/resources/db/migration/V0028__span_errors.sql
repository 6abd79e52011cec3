-- What burned an availability SLO's budget (the SLO page's "budget burners", GET /api/v1/slos/{id})
-- and the service page's top errors (GET /api/v1/services/{service}/errors): the failed requests
-- only (server and consumer spans with status ERROR), with their error type and error group
-- already picked, ordered by service and time. Grouping 30 days of one service from spans read
-- every span of the service with its attribute and event arrays (about a million rows, 0.5-1.1 s
-- at 10 million spans stored), here it reads the failed ones and a few narrow columns.
-- error_type is the span's status message, else the exception.type of its first exception event,
-- else its error.type attribute (an index of 0, not found, yields an empty value), as ErrorCause
-- documents. group_type and group_message are what the top errors group by (ErrorGroup): the
-- exception.type of the first exception event, else the error.type attribute, and the
-- exception.message of that event, else the status message.
-- Partitioned by day like spans, and kept as long as spans (retention signal spans).
-- Filled by span_errors_mv from spans. A database that held spans before this view is read from
-- spans before its first row (ClickHouseErrorCauseRepository).
-- Edited in place (group_type and group_message added) because no release had V0028 yet: a
-- database that applied the first version (main only, 2026-11-30) refuses to start on the
-- changed checksum and has to be deleted.
CREATE TABLE IF NOT EXISTS span_errors
(
    start_time    DateTime,
    trace_id      String,
    service_name  String,
    span_name     String,
    error_type    String,
    group_type    String,
    group_message String,
    sample_rate   Float64
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
    multiIf(
        arrayElement(arrayElement(event_attribute_values, indexOf(event_names, 'exception')),
            indexOf(arrayElement(event_attribute_keys, indexOf(event_names, 'exception')),
                'exception.type')) != '',
        arrayElement(arrayElement(event_attribute_values, indexOf(event_names, 'exception')),
            indexOf(arrayElement(event_attribute_keys, indexOf(event_names, 'exception')),
                'exception.type')),
        arrayElement(attribute_values, indexOf(attribute_keys, 'error.type'))) AS group_type,
    multiIf(
        arrayElement(arrayElement(event_attribute_values, indexOf(event_names, 'exception')),
            indexOf(arrayElement(event_attribute_keys, indexOf(event_names, 'exception')),
                'exception.message')) != '',
        arrayElement(arrayElement(event_attribute_values, indexOf(event_names, 'exception')),
            indexOf(arrayElement(event_attribute_keys, indexOf(event_names, 'exception')),
                'exception.message')),
        status_message) AS group_message,
    sample_rate
FROM spans
WHERE span_kind IN ('SERVER', 'CONSUMER') AND status_code = 'ERROR'
