ALTER TABLE "ticket_events" DROP CONSTRAINT "ticket_events_kind_valid";--> statement-breakpoint
ALTER TABLE "ticket_events" ADD COLUMN "assignee_user_id" integer;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD COLUMN "previous_assignee_user_id" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "assignee_user_id" integer;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_previous_assignee_user_id_users_id_fk" FOREIGN KEY ("previous_assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_assignee_created_at_idx" ON "tickets" USING btree ("assignee_user_id","created_at","id");--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_assignment_shape" CHECK (("ticket_events"."kind" in ('assigned', 'unassigned')) = ("ticket_events"."assignee_user_id" is not null) and ("ticket_events"."kind" = 'assigned' or "ticket_events"."previous_assignee_user_id" is null));--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_kind_valid" CHECK ("ticket_events"."kind" in ('created', 'field_changed', 'assigned', 'unassigned'));