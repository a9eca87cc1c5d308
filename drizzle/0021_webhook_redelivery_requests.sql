-- Redeliveries requested per delivery. An attempt in flight when a redelivery is
-- requested compares this with the value it was claimed with, so that its outcome
-- (delivered, or a retry after a backoff) does not undo the request. A constant
-- default makes this a catalog-only change (no table rewrite), but it still takes
-- the table's exclusive lock: every ticket write inserts deliveries (the outbox
-- trigger), so the wait for it is bounded, as in 0020. Past 5 s the migration fails,
-- and with it the server's start; the next start retries.
SET LOCAL lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "redelivery_requests" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
SET LOCAL lock_timeout TO DEFAULT;
