CREATE TABLE "ticket_counts" (
	"category" text NOT NULL,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"suggested_category" text NOT NULL,
	"accepted" boolean NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "ticket_counts_pk" PRIMARY KEY("category","priority","status","suggested_category","accepted")
);
--> statement-breakpoint
CREATE TABLE "ticket_daily_counts" (
	"day" date NOT NULL,
	"category" text NOT NULL,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "ticket_daily_counts_pk" PRIMARY KEY("day","category","priority","status")
);
