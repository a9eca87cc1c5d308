CREATE TABLE "ticket_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ticket_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"ticket_id" integer NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" integer,
	"actor_token_id" integer,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"field" text,
	"from_value" text,
	"to_value" text,
	"suggested_category" text,
	"suggested_priority" text,
	"classification_source" text,
	"suggestion_accepted" boolean,
	CONSTRAINT "ticket_events_kind_valid" CHECK ("ticket_events"."kind" in ('created', 'field_changed')),
	CONSTRAINT "ticket_events_field_valid" CHECK ("ticket_events"."field" in ('title', 'description', 'category', 'priority', 'status')),
	CONSTRAINT "ticket_events_actor_token_has_user" CHECK ("ticket_events"."actor_token_id" is null or "ticket_events"."actor_user_id" is not null),
	CONSTRAINT "ticket_events_field_changed_shape" CHECK (("ticket_events"."kind" = 'field_changed') = ("ticket_events"."field" is not null and "ticket_events"."from_value" is not null and "ticket_events"."to_value" is not null)),
	CONSTRAINT "ticket_events_created_shape" CHECK ("ticket_events"."kind" = 'created' or ("ticket_events"."suggested_category" is null and "ticket_events"."suggestion_accepted" is null)),
	CONSTRAINT "ticket_events_suggestion_complete" CHECK (("ticket_events"."suggested_category" is null) = ("ticket_events"."suggested_priority" is null) and ("ticket_events"."suggested_category" is null) = ("ticket_events"."classification_source" is null) and ("ticket_events"."suggested_category" is null) = ("ticket_events"."suggestion_accepted" is null))
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_actor_token_id_api_tokens_id_fk" FOREIGN KEY ("actor_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_id_id_idx" ON "ticket_events" USING btree ("ticket_id","id");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_version_positive" CHECK ("tickets"."version" >= 1);