-- Redeliveries requested per delivery. An attempt in flight when a redelivery is
-- requested compares this with the value it was claimed with, so that its outcome
-- (delivered, or a retry after a backoff) does not undo the request. A constant
-- default makes this a catalog-only change (no table rewrite).
ALTER TABLE "webhook_deliveries" ADD COLUMN "redelivery_requests" integer DEFAULT 0 NOT NULL;
