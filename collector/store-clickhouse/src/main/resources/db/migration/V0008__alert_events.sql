-- Alert history: one row per state change of an SLO burn-rate alert (FIRING, RESOLVED), with the
-- outcome of delivering its notification. The latest row per slo_id is the alert's current state,
-- so the evaluator survives restarts.
CREATE TABLE IF NOT EXISTS alert_events
(
    event_id          String,
    slo_id            String,
    slo_name          String,
    service_name      String,
    state             Enum8('FIRING' = 1, 'RESOLVED' = 2),
    event_time        DateTime,
    burn_rate         Float64,
    threshold         Float64,
    delivery_status   String,
    delivery_attempts UInt8,
    delivery_detail   String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(event_time)
ORDER BY (slo_id, event_time)
