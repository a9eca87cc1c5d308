CREATE TABLE "tickets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tickets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" varchar(200) NOT NULL,
	"description" text NOT NULL,
	"category" text DEFAULT 'general' NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp (3) with time zone,
	"suggested_category" text,
	"suggested_priority" text,
	"classification_source" text,
	CONSTRAINT "tickets_title_not_blank" CHECK (btrim("tickets"."title") <> ''),
	CONSTRAINT "tickets_description_not_blank" CHECK (btrim("tickets"."description") <> ''),
	CONSTRAINT "tickets_description_length" CHECK (char_length("tickets"."description") <= 20000),
	CONSTRAINT "tickets_category_valid" CHECK ("tickets"."category" in ('billing', 'technical', 'account', 'general')),
	CONSTRAINT "tickets_priority_valid" CHECK ("tickets"."priority" in ('low', 'medium', 'high', 'critical')),
	CONSTRAINT "tickets_status_valid" CHECK ("tickets"."status" in ('open', 'in_progress', 'resolved', 'closed')),
	CONSTRAINT "tickets_resolved_at_matches_status" CHECK (("tickets"."status" in ('resolved', 'closed')) = ("tickets"."resolved_at" is not null)),
	CONSTRAINT "tickets_suggested_category_valid" CHECK ("tickets"."suggested_category" in ('billing', 'technical', 'account', 'general')),
	CONSTRAINT "tickets_suggested_priority_valid" CHECK ("tickets"."suggested_priority" in ('low', 'medium', 'high', 'critical')),
	CONSTRAINT "tickets_classification_source_valid" CHECK ("tickets"."classification_source" in ('gemini', 'local', 'default')),
	CONSTRAINT "tickets_suggestion_complete" CHECK (("tickets"."suggested_category" is null) = ("tickets"."suggested_priority" is null) and ("tickets"."suggested_category" is null) = ("tickets"."classification_source" is null))
);
--> statement-breakpoint
CREATE INDEX "tickets_created_at_id_idx" ON "tickets" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_status_created_at_idx" ON "tickets" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_category_created_at_idx" ON "tickets" USING btree ("category","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_priority_created_at_idx" ON "tickets" USING btree ("priority","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_search_trgm_idx" ON "tickets" USING gin (("title" || ' ' || "description") gin_trgm_ops);