-- The instances of each service that sent spans, per hour: the service page's instances table (GET
-- /api/v1/services/{service}) for a service that sends spans but no metrics (metrics exporter off,
-- or a non-JVM OTLP sender). Reading 30 days of a service's raw spans for this read every span of
-- the service with its resource arrays, where this reads one row per instance and hour. instance is
-- the span's service.instance.id resource attribute, '' when it has none (index 0 yields an empty
-- value): the same rule as the metric points' instance (InstanceSql.ID, and a test checks that this
-- text repeats it), so the two sources merge on the same names. request_count and error_count are
-- the requests (SERVER and CONSUMER spans) and the failed ones, as RED counts them, weighted by the
-- sample rate like span_count (every span). first_seen and last_seen are the earliest and latest
-- span start in the hour. AggregatingMergeTree because min and max do not add up (SummingMergeTree
-- would sum them), and is read with sumMerge/minMerge/maxMerge GROUP BY. Hours are epoch-aligned
-- (see V0021). A table and a view TO it, like V0026, so cluster mode gives each server its own
-- table and retention drops its partitions. A database that held spans before this view reads the
-- hours before the table's first complete hour from spans (ClickHouseInstanceSpanRepository).
CREATE TABLE IF NOT EXISTS service_instances_1h
(
    hour           DateTime,
    service_name   String,
    instance       String,
    span_count     AggregateFunction(sum, Float64),
    request_count  AggregateFunction(sum, Float64),
    error_count    AggregateFunction(sum, Float64),
    first_seen     AggregateFunction(min, DateTime),
    last_seen      AggregateFunction(max, DateTime)
)
ENGINE = AggregatingMergeTree()
PARTITION BY toDate(hour)
ORDER BY (service_name, hour, instance);

CREATE MATERIALIZED VIEW IF NOT EXISTS service_instances_1h_mv TO service_instances_1h AS
SELECT
    toDateTime(intDiv(toUInt32(start_time), 3600) * 3600) AS hour,
    service_name,
    resource_values[indexOf(resource_keys, 'service.instance.id')] AS instance,
    sumState(sample_rate) AS span_count,
    sumState(if(span_kind IN ('SERVER', 'CONSUMER'), sample_rate, toFloat64(0))) AS request_count,
    sumState(if(span_kind IN ('SERVER', 'CONSUMER') AND status_code = 'ERROR', sample_rate,
        toFloat64(0))) AS error_count,
    minState(start_time) AS first_seen,
    maxState(start_time) AS last_seen
FROM spans
GROUP BY hour, service_name, instance
