CREATE TABLE "ticket_assignee_counts" (
	"assignee_user_id" integer NOT NULL,
	"category" text NOT NULL,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "ticket_assignee_counts_pk" PRIMARY KEY("assignee_user_id","status","category","priority")
);
--> statement-breakpoint
-- Kept as ticket_counts is (0003_ticket_counter_triggers.sql): statement-level triggers
-- with transition tables, one grouped upsert per statement, keys in sorted order; an
-- update that changes no key (a title edit) nets to zero and writes nothing. (A column
-- list, `UPDATE OF ...`, is not allowed with transition tables.) Triggers of one event
-- fire in name order: these are named to fire after the tickets_counters_* ones, so every
-- write takes the counter tables in one order (ticket_counts, ticket_daily_counts, then
-- this one), the order a bulk update locks them in (ticket-bulk.repository.ts).
CREATE FUNCTION ticket_assignee_counters_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_assignee_counts AS c (assignee_user_id, status, category, priority, count)
  SELECT coalesce(assignee_user_id, 0), status, category, priority, count(*)
  FROM new_rows
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT ticket_assignee_counts_pk DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ticket_assignee_counters_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_assignee_counts AS c (assignee_user_id, status, category, priority, count)
  SELECT coalesce(assignee_user_id, 0), status, category, priority, -count(*)
  FROM old_rows
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT ticket_assignee_counts_pk DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ticket_assignee_counters_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- +1 for each row's new key, -1 for its old key; unchanged keys net to zero.
  INSERT INTO ticket_assignee_counts AS c (assignee_user_id, status, category, priority, count)
  SELECT assignee_user_id, status, category, priority, sum(delta)
  FROM (
    SELECT coalesce(assignee_user_id, 0) AS assignee_user_id, status, category, priority, 1 AS delta FROM new_rows
    UNION ALL
    SELECT coalesce(assignee_user_id, 0), status, category, priority, -1 FROM old_rows
  ) d
  GROUP BY 1, 2, 3, 4
  HAVING sum(delta) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT ticket_assignee_counts_pk DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ticket_assignee_counters_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE ticket_assignee_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tickets_counters_insert_by_assignee AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_assignee_counters_after_insert();
--> statement-breakpoint
CREATE TRIGGER tickets_counters_update_by_assignee AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_assignee_counters_after_update();
--> statement-breakpoint
CREATE TRIGGER tickets_counters_delete_by_assignee AFTER DELETE ON tickets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_assignee_counters_after_delete();
--> statement-breakpoint
CREATE TRIGGER tickets_counters_truncate_by_assignee AFTER TRUNCATE ON tickets
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_assignee_counters_after_truncate();
--> statement-breakpoint
-- Recomputing every counter from the tickets (the seed's load into an empty table, an
-- operator's repair) covers these too.
CREATE OR REPLACE FUNCTION ticket_counters_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE ticket_counts, ticket_daily_counts, ticket_assignee_counts;
  INSERT INTO ticket_counts (category, priority, status, suggested_category, accepted, count)
  SELECT category, priority, status, coalesce(suggested_category, ''), coalesce(suggestion_accepted, false), count(*)
  FROM tickets
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO ticket_daily_counts (day, category, priority, status, count)
  SELECT (created_at AT TIME ZONE 'UTC')::date, category, priority, status, count(*)
  FROM tickets
  GROUP BY 1, 2, 3, 4;
  INSERT INTO ticket_assignee_counts (assignee_user_id, status, category, priority, count)
  SELECT coalesce(assignee_user_id, 0), status, category, priority, count(*)
  FROM tickets
  GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
-- The tickets of before; the triggers above already keep other writers out until commit.
INSERT INTO ticket_assignee_counts (assignee_user_id, status, category, priority, count)
SELECT coalesce(assignee_user_id, 0), status, category, priority, count(*)
FROM tickets
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
ALTER TABLE ticket_assignee_counts SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.5);
