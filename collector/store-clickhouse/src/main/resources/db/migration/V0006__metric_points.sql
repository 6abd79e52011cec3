-- OTLP metric data points, one row per point. Gauges and sums use value; histograms use
-- value (= sum), point_count and the explicit bucket arrays.
CREATE TABLE IF NOT EXISTS metric_points
(
    timestamp            DateTime,
    time_unix_nano       UInt64,
    service_name         String,
    metric_name          String,
    metric_type          Enum8('GAUGE' = 1, 'SUM' = 2, 'HISTOGRAM' = 3, 'EXPONENTIAL_HISTOGRAM' = 4, 'SUMMARY' = 5),
    unit                 String,
    is_monotonic         UInt8,
    temporality          Enum8('UNSPECIFIED' = 0, 'DELTA' = 1, 'CUMULATIVE' = 2),
    attribute_keys       Array(String),
    attribute_values     Array(String),
    resource_keys        Array(String),
    resource_values      Array(String),
    value                Float64,
    point_count          UInt64,
    bucket_bounds        Array(Float64),
    bucket_counts        Array(UInt64)
)
ENGINE = MergeTree
PARTITION BY toDate(timestamp)
ORDER BY (service_name, metric_name, timestamp)
