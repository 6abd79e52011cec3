-- Trace search without a service filter: the columns a search filters on, except attributes,
-- ordered by time. spans is ordered by service, operation and time, so a search over all
-- services cannot use its primary key and reads every span of each day the window touches
-- (about 333,000 rows per day at 10 million spans in 30 days, even for a one-hour window), here
-- it reads the window's granules only. A search with a service or attribute filter still reads
-- spans. Partitioned by day like spans, and kept as long as spans (retention signal spans).
-- Filled by spans_by_time_mv from spans (18.16 does not chain views), explicit columns like
-- spans_by_trace (V0018/V0019).
CREATE TABLE IF NOT EXISTS spans_by_time
(
    start_time           DateTime,
    start_time_unix_nano UInt64,
    duration_nanos       UInt64,
    trace_id             String,
    service_name         String,
    span_name            String,
    status_code          Enum8('UNSET' = 0, 'OK' = 1, 'ERROR' = 2)
)
ENGINE = MergeTree
PARTITION BY toDate(start_time)
ORDER BY (start_time, service_name);

CREATE MATERIALIZED VIEW IF NOT EXISTS spans_by_time_mv TO spans_by_time AS
SELECT
    start_time,
    start_time_unix_nano,
    duration_nanos,
    trace_id,
    service_name,
    span_name,
    status_code
FROM spans
