-- Exact ticket counters maintained by the database itself, so that statistics and
-- enum-only counts read a few hundred counter rows instead of scanning `tickets`.
--
-- Statement-level triggers with transition tables: one INSERT, UPDATE, DELETE or COPY
-- statement adds its net change per key in one grouped upsert, so a bulk load of a
-- million rows costs one GROUP BY, and a single-row write one small upsert per
-- table. Keys are upserted in sorted order so that concurrent writers lock counter
-- rows in the same order and cannot deadlock each other. A TRUNCATE of `tickets`
-- empties the counters. `ticket_counters_rebuild()` recomputes them from scratch.

CREATE FUNCTION ticket_counters_rebuild() RETURNS void LANGUAGE sql AS $$
  TRUNCATE ticket_counts, ticket_daily_counts;
  INSERT INTO ticket_counts (category, priority, status, suggested_category, accepted, count)
  SELECT category, priority, status, coalesce(suggested_category, ''),
         coalesce(category = suggested_category AND priority = suggested_priority, false), count(*)
  FROM tickets
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO ticket_daily_counts (day, category, priority, status, count)
  SELECT (created_at AT TIME ZONE 'UTC')::date, category, priority, status, count(*)
  FROM tickets
  GROUP BY 1, 2, 3, 4;
$$;
--> statement-breakpoint
CREATE FUNCTION ticket_counters_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_counts AS c (category, priority, status, suggested_category, accepted, count)
  SELECT category, priority, status, coalesce(suggested_category, ''),
         coalesce(category = suggested_category AND priority = suggested_priority, false), count(*)
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
CREATE FUNCTION ticket_counters_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ticket_counts AS c (category, priority, status, suggested_category, accepted, count)
  SELECT category, priority, status, coalesce(suggested_category, ''),
         coalesce(category = suggested_category AND priority = suggested_priority, false), -count(*)
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
CREATE FUNCTION ticket_counters_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- +1 for each row's new key, -1 for its old key; an update that changes no key
  -- (a title edit, say) nets to zero and writes nothing.
  INSERT INTO ticket_counts AS c (category, priority, status, suggested_category, accepted, count)
  SELECT category, priority, status, suggested_category, accepted, sum(delta)
  FROM (
    SELECT category, priority, status, coalesce(suggested_category, '') AS suggested_category,
           coalesce(category = suggested_category AND priority = suggested_priority, false) AS accepted, 1 AS delta
    FROM new_rows
    UNION ALL
    SELECT category, priority, status, coalesce(suggested_category, ''),
           coalesce(category = suggested_category AND priority = suggested_priority, false), -1
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
CREATE FUNCTION ticket_counters_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE ticket_counts, ticket_daily_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tickets_counters_insert AFTER INSERT ON tickets
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_after_insert();
--> statement-breakpoint
CREATE TRIGGER tickets_counters_update AFTER UPDATE ON tickets
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_after_update();
--> statement-breakpoint
CREATE TRIGGER tickets_counters_delete AFTER DELETE ON tickets
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_after_delete();
--> statement-breakpoint
CREATE TRIGGER tickets_counters_truncate AFTER TRUNCATE ON tickets
  FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_after_truncate();
--> statement-breakpoint
-- Tickets written before this migration. The triggers above already hold a lock
-- that keeps other writers out until this transaction commits, so none is missed.
SELECT ticket_counters_rebuild();
