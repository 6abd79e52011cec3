-- The delivery log shows the notifications and suppressions of a time window (issue 9): index the
-- times it filters and sorts on, so a window stays cheap however long the outbox grows.
-- Runs unchanged on H2 2.x (PostgreSQL mode) and PostgreSQL 15.
CREATE INDEX notification_outbox_created ON notification_outbox (created_at);
CREATE INDEX suppressed_notifications_at ON suppressed_notifications (suppressed_at);
