ALTER TABLE "tickets" ADD COLUMN "filed_category" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "filed_priority" text;--> statement-breakpoint
-- Backfill (hand-written): what each ticket with a suggestion was saved with. The first
-- recorded change of a field holds its value before any edit; without one, the ticket
-- still has the value it was saved with, unless it was accepted and history predates the
-- edit, in which case it was saved with the suggestion.
UPDATE "tickets" AS t SET
  "filed_category" = coalesce(
    (SELECT e."from_value" FROM "ticket_events" AS e
      WHERE e."ticket_id" = t."id" AND e."kind" = 'field_changed' AND e."field" = 'category' ORDER BY e."id" LIMIT 1),
    CASE WHEN t."suggestion_accepted" THEN t."suggested_category" ELSE t."category" END),
  "filed_priority" = coalesce(
    (SELECT e."from_value" FROM "ticket_events" AS e
      WHERE e."ticket_id" = t."id" AND e."kind" = 'field_changed' AND e."field" = 'priority' ORDER BY e."id" LIMIT 1),
    CASE WHEN t."suggestion_accepted" THEN t."suggested_priority" ELSE t."priority" END)
WHERE t."suggested_category" IS NOT NULL;--> statement-breakpoint
-- Where the two records disagree (rows from before acceptance was fixed at creation), the
-- values as filed decide.
UPDATE "tickets" SET "suggestion_accepted" = ("filed_category" = "suggested_category" AND "filed_priority" = "suggested_priority")
WHERE "suggested_category" IS NOT NULL
  AND "suggestion_accepted" IS DISTINCT FROM ("filed_category" = "suggested_category" AND "filed_priority" = "suggested_priority");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_filed_iff_suggested" CHECK (("tickets"."suggested_category" is null) = ("tickets"."filed_category" is null) and ("tickets"."suggested_category" is null) = ("tickets"."filed_priority" is null));--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_filed_category_valid" CHECK ("tickets"."filed_category" in ('billing', 'technical', 'account', 'general'));--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_filed_priority_valid" CHECK ("tickets"."filed_priority" in ('low', 'medium', 'high', 'critical'));--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_suggestion_accepted_as_filed" CHECK ("tickets"."suggestion_accepted" = ("tickets"."filed_category" = "tickets"."suggested_category" and "tickets"."filed_priority" = "tickets"."suggested_priority"));