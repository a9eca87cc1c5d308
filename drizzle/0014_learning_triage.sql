CREATE TABLE "classifier_term_counts" (
	"term" text NOT NULL,
	"field" text NOT NULL,
	"label" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "classifier_term_counts_pk" PRIMARY KEY("term","field","label"),
	CONSTRAINT "classifier_term_counts_field_valid" CHECK ("classifier_term_counts"."field" in ('category', 'priority'))
);
--> statement-breakpoint
ALTER TABLE "ticket_suggestions" ADD COLUMN "confidence" real;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "suggestion_confidence" real;--> statement-breakpoint
CREATE INDEX "tickets_description_words_idx" ON "tickets" USING gin (to_tsvector('simple', "description"));--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_suggestion_confidence_valid" CHECK ("tickets"."suggestion_confidence" is null or ("tickets"."suggested_category" is not null and "tickets"."suggestion_confidence" between 0 and 1));