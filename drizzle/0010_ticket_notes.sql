CREATE TABLE "ticket_notes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ticket_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" integer NOT NULL,
	"body" text NOT NULL,
	"author_user_id" integer,
	"author_token_id" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_notes_body_not_blank" CHECK (btrim("ticket_notes"."body") <> ''),
	CONSTRAINT "ticket_notes_body_length" CHECK (char_length("ticket_notes"."body") <= 10000),
	CONSTRAINT "ticket_notes_author_token_has_user" CHECK ("ticket_notes"."author_token_id" is null or "ticket_notes"."author_user_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "ticket_events" DROP CONSTRAINT "ticket_events_kind_valid";--> statement-breakpoint
ALTER TABLE "ticket_events" ADD COLUMN "note_id" bigint;--> statement-breakpoint
ALTER TABLE "ticket_notes" ADD CONSTRAINT "ticket_notes_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_notes" ADD CONSTRAINT "ticket_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_notes" ADD CONSTRAINT "ticket_notes_author_token_id_api_tokens_id_fk" FOREIGN KEY ("author_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_notes_ticket_id_id_idx" ON "ticket_notes" USING btree ("ticket_id","id");--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_note_id_ticket_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."ticket_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_events_note_id_idx" ON "ticket_events" USING btree ("note_id") WHERE "ticket_events"."note_id" is not null;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_note_added_shape" CHECK (("ticket_events"."kind" = 'note_added') = ("ticket_events"."note_id" is not null));--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_kind_valid" CHECK ("ticket_events"."kind" in ('created', 'field_changed', 'assigned', 'unassigned', 'note_added'));