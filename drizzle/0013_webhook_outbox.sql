-- The outbox of webhooks and the fan-out of changes, written by the database itself
-- in the transaction of each change: whatever code path appends to ticket_events
-- (a create, an update, an assignment, a note, a bulk change), its events reach the
-- webhooks and the listeners exactly when it commits, and never when it rolls back.
--
-- A statement-level trigger with a transition table, as the ticket counters: one
-- INSERT of events (a whole update's field changes, a bulk change's) makes
--   * one NOTIFY on `ticket_events` per ticket, payload
--     {"ticket_id": …, "first_event_id": …, "last_event_id": …}: the live updates'
--     fan-out; NOTIFY is transactional, so listeners hear of committed changes only;
--   * while some active endpoint wants the type: one `webhook_events` row per ticket
--     and event type, holding the ticket as it is now (after the change: the writers
--     change the ticket before they append its events) and the events, and one
--     `webhook_deliveries` row per endpoint that wants it, in event order; then one
--     NOTIFY on `webhook_deliveries`, which wakes the delivery workers of every process.
-- Event kinds map to webhook types here: created -> ticket.created, note_added ->
-- note.added, every other kind (field changes, assignments, kinds added later) ->
-- ticket.changed, so that a new kind is delivered as a change rather than lost.
CREATE FUNCTION ticket_events_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ticket_events', json_build_object('ticket_id', ticket_id, 'first_event_id', min(id), 'last_event_id', max(id))::text)
  FROM new_events
  GROUP BY ticket_id;

  -- Without endpoints (most installations), a change costs this one probe.
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints WHERE active) THEN
    RETURN NULL;
  END IF;

  WITH grouped AS (
    SELECT e.ticket_id,
           CASE e.kind WHEN 'created' THEN 'ticket.created' WHEN 'note_added' THEN 'note.added' ELSE 'ticket.changed' END AS type,
           min(e.id) AS first_event_id,
           min(e.at) AS occurred_at,
           jsonb_agg(to_jsonb(e) ORDER BY e.id) AS events
    FROM new_events e
    GROUP BY 1, 2
  ), outbox AS (
    INSERT INTO webhook_events (ticket_id, type, first_event_id, occurred_at, ticket, events)
    SELECT g.ticket_id, g.type, g.first_event_id, g.occurred_at, to_jsonb(t), g.events
    FROM grouped g JOIN tickets t ON t.id = g.ticket_id
    WHERE EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.active AND g.type = ANY (w.events))
    ORDER BY g.first_event_id
    RETURNING id, ticket_id, type
  )
  INSERT INTO webhook_deliveries (endpoint_id, webhook_event_id, ticket_id)
  SELECT w.id, o.id, o.ticket_id
  FROM outbox o JOIN webhook_endpoints w ON w.active AND o.type = ANY (w.events)
  ORDER BY o.id, w.id;

  IF FOUND THEN
    PERFORM pg_notify('webhook_deliveries', '');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ticket_events_outbox AFTER INSERT ON ticket_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION ticket_events_after_insert();
