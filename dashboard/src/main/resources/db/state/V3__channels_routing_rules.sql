-- Channels as stored objects, routing, silences, maintenance windows and metric alert rules
-- (issue 7, h10). Runs unchanged on H2 2.x (PostgreSQL mode) and PostgreSQL 15.

-- A channel's routing labels (JSON object); its secrets stay in channels.secret (JSON), the
-- endpoint column only ever holds the masked URL shown in listings.
ALTER TABLE channels ADD COLUMN labels VARCHAR(2000) DEFAULT '{}' NOT NULL;

-- Which stored channel an outbox row goes to (NULL for rows written before channels existed: they
-- keep their endpoint), and whether it is a "send test notification" row.
ALTER TABLE notification_outbox ADD COLUMN channel_id VARCHAR(64);
ALTER TABLE notification_outbox ADD COLUMN is_test BOOLEAN DEFAULT FALSE NOT NULL;
-- Rows with the same group key that are due together are sent as ONE payload (Alertmanager-
-- compatible channels only); NULL: sent on its own.
ALTER TABLE notification_outbox ADD COLUMN group_key VARCHAR(300);

-- Routes: label matchers -> channels, evaluated in position order.
CREATE TABLE routes (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    ordinal     INTEGER       NOT NULL,
    matchers    VARCHAR(2000) NOT NULL,
    channel_ids VARCHAR(2000) NOT NULL,
    continue_matching BOOLEAN NOT NULL
);

-- One-off or daily maintenance windows: matching notifications are dropped (and recorded).
CREATE TABLE maintenance_windows (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    matchers    VARCHAR(2000) NOT NULL,
    daily_start VARCHAR(5),
    daily_end   VARCHAR(5),
    starts_at   TIMESTAMP WITH TIME ZONE,
    ends_at     TIMESTAMP WITH TIME ZONE
);

-- Notifications that were routed but not sent because a silence or maintenance window matched.
CREATE TABLE suppressed_notifications (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(300)  NOT NULL,
    channel_id      VARCHAR(64)   NOT NULL,
    reason          VARCHAR(16)   NOT NULL CHECK (reason IN ('SILENCED', 'MAINTENANCE')),
    suppressed_by   VARCHAR(64)   NOT NULL,
    summary         VARCHAR(500)  NOT NULL,
    suppressed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Per group of a metric rule: where its state machine stands. PENDING lives here only (the shared
-- alert state vocabulary has no PENDING: nothing is announced or recorded in history for it).
CREATE TABLE metric_rule_states (
    rule_id        VARCHAR(64)  NOT NULL,
    group_key      VARCHAR(200) NOT NULL,
    state          VARCHAR(16)  NOT NULL CHECK (state IN ('OK', 'PENDING', 'FIRING', 'RESOLVED')),
    pending_since  TIMESTAMP WITH TIME ZONE,
    incident_start TIMESTAMP WITH TIME ZONE,
    last_notified  TIMESTAMP WITH TIME ZONE,
    version        BIGINT       NOT NULL,
    PRIMARY KEY (rule_id, group_key)
);
