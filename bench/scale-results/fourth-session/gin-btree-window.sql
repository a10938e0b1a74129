-- Tried and dropped (fourth session): a date window by a btree beside the GIN index. The
-- BitmapAnd builds the bitmap of every match first: 417,042 events 640-700 ms, 2,000,000 1.5 s;
-- the window's 8,983 (9,772) matches ranked from the heap in 55-60 ms once warm. Whole
-- statement 1.0-1.6 s (ceasefire), 1.7-2.2 s (officials); load average 10-12.
SET max_parallel_workers_per_gather = 0;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH m AS MATERIALIZED (SELECT e.event_id AS id, e.search <=> plainto_tsquery('simple','ceasefire') AS d FROM event e WHERE e.search @@ plainto_tsquery('simple','ceasefire') AND e.first_day >= 19690 AND e.merged_into IS NULL) SELECT id, d, (SELECT count(*) FROM m) FROM m ORDER BY d, id LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH m AS MATERIALIZED (SELECT e.event_id AS id, e.search <=> plainto_tsquery('simple','ceasefire') AS d FROM event e WHERE e.search @@ plainto_tsquery('simple','ceasefire') AND e.first_day >= 19690 AND e.merged_into IS NULL) SELECT id, d, (SELECT count(*) FROM m) FROM m ORDER BY d, id LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH m AS MATERIALIZED (SELECT e.event_id AS id, e.search <=> plainto_tsquery('simple','officials') AS d FROM event e WHERE e.search @@ plainto_tsquery('simple','officials') AND e.first_day >= 19990 AND e.merged_into IS NULL) SELECT id, d, (SELECT count(*) FROM m) FROM m ORDER BY d, id LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH m AS MATERIALIZED (SELECT e.event_id AS id, e.search <=> plainto_tsquery('simple','officials') AS d FROM event e WHERE e.search @@ plainto_tsquery('simple','officials') AND e.first_day >= 19990 AND e.merged_into IS NULL) SELECT id, d, (SELECT count(*) FROM m) FROM m ORDER BY d, id LIMIT 20;
