-- Every ticket write updates a few counter rows. Half-empty pages let PostgreSQL keep
-- each new row version on the same page (a HOT update: no index entry, pruned in
-- place), and vacuuming after a fixed number of changes rather than a fraction of
-- the (tiny) table keeps dead versions from piling up under a steady write load.
ALTER TABLE ticket_counts SET (fillfactor = 50, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.5);
--> statement-breakpoint
ALTER TABLE ticket_daily_counts SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000);
