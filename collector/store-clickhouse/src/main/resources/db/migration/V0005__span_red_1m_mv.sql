CREATE MATERIALIZED VIEW IF NOT EXISTS span_red_1m_mv TO span_red_1m AS
SELECT
    toStartOfMinute(start_time) AS minute,
    service_name,
    span_name,
    span_kind,
    toUInt8(status_code = 'ERROR') AS is_error,
    toUInt8(least(255, greatest(0, floor(log2(greatest(duration_nanos, 1000) / 1000) * 4)))) AS latency_bucket,
    sum(sample_rate) AS span_count,
    sum(duration_nanos * sample_rate) AS duration_nanos_sum
FROM spans
GROUP BY minute, service_name, span_name, span_kind, is_error, latency_bucket
