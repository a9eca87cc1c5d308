CREATE TABLE "classifier_term_deltas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classifier_term_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"term" text NOT NULL,
	"field" text NOT NULL,
	"label" text NOT NULL,
	"delta" integer NOT NULL,
	CONSTRAINT "classifier_term_deltas_field_valid" CHECK ("classifier_term_deltas"."field" in ('category', 'priority'))
);
