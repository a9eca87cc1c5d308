ALTER TABLE "tickets" ADD COLUMN "suggestion_accepted" boolean;--> statement-breakpoint
-- Whether a suggestion was accepted is now decided once, by the create. The counters
-- read the new column from here on: each function below is the one of
-- 0003_ticket_counter_triggers.sql with `accepted` read from `suggestion_accepted`
-- instead of recomputed from the current category and priority (which made a later
-- priority edit turn "accepted" into "overridden").
CREATE OR REPLACE FUNCTION ticket_counters_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE ticket_counts, ticket_daily_counts;
  INSERT INTO ticket_counts (category, priority, status, suggested_category, accepted, count)
  SELECT category, priority, status, coalesce(suggested_category, ''), coalesce(suggestion_accepted, false), count(*)
  FROM tickets
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO ticket_daily_counts (day, category, priority, status, count)
  SELECT (created_at AT TIME ZONE 'UTC')::date, category, priority, status, count(*)
  FROM tickets
  GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ticket_counters_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_counts AS c (category, priority, status, suggested_category, accepted, count)
  SELECT category, priority, status, coalesce(suggested_category, ''), coalesce(suggestion_accepted, false), count(*)
  FROM new_rows
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT ticket_counts_pk DO UPDATE SET count = c.count + excluded.count;
  INSERT INTO ticket_daily_counts AS c (day, category, priority, status, count)
  SELECT (created_at AT TIME ZONE 'UTC')::date, category, priority, status, count(*)
  FROM new_rows
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT ticket_daily_counts_pk DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ticket_counters_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_counts AS c (category, priority, status, suggested_category, accepted, count)
  SELECT category, priority, status, coalesce(suggested_category, ''), coalesce(suggestion_accepted, false), -count(*)
  FROM old_rows
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT ticket_counts_pk DO UPDATE SET count = c.count + excluded.count;
  INSERT INTO ticket_daily_counts AS c (day, category, priority, status, count)
  SELECT (created_at AT TIME ZONE 'UTC')::date, category, priority, status, -count(*)
  FROM old_rows
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT ticket_daily_counts_pk DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ticket_counters_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- +1 for each row's new key, -1 for its old key; an update that changes no key
  -- (a title edit, say) nets to zero and writes nothing.
  INSERT INTO ticket_counts AS c (category, priority, status, suggested_category, accepted, count)
  SELECT category, priority, status, suggested_category, accepted, sum(delta)
  FROM (
    SELECT category, priority, status, coalesce(suggested_category, '') AS suggested_category,
           coalesce(suggestion_accepted, false) AS accepted, 1 AS delta
    FROM new_rows
    UNION ALL
    SELECT category, priority, status, coalesce(suggested_category, ''), coalesce(suggestion_accepted, false), -1
    FROM old_rows
  ) d
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(delta) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT ticket_counts_pk DO UPDATE SET count = c.count + excluded.count;
  INSERT INTO ticket_daily_counts AS c (day, category, priority, status, count)
  SELECT day, category, priority, status, sum(delta)
  FROM (
    SELECT (created_at AT TIME ZONE 'UTC')::date AS day, category, priority, status, 1 AS delta FROM new_rows
    UNION ALL
    SELECT (created_at AT TIME ZONE 'UTC')::date, category, priority, status, -1 FROM old_rows
  ) d
  GROUP BY 1, 2, 3, 4
  HAVING sum(delta) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT ticket_daily_counts_pk DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The tickets of before: what their `created` event recorded when there is one (the
-- values saved by the create), else their values as they are now (the best left).
UPDATE "tickets" AS t SET "suggestion_accepted" = coalesce(
  (SELECT e."suggestion_accepted" FROM "ticket_events" e WHERE e."ticket_id" = t."id" AND e."kind" = 'created' ORDER BY e."id" LIMIT 1),
  t."category" = t."suggested_category" AND t."priority" = t."suggested_priority")
WHERE t."suggested_category" IS NOT NULL;
--> statement-breakpoint
-- The counters were keyed by the old reading; recomputed once from the tickets.
SELECT ticket_counters_rebuild();
--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_suggestion_accepted_iff_suggested" CHECK (("tickets"."suggested_category" is null) = ("tickets"."suggestion_accepted" is null));
