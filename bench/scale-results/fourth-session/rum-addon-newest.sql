-- Tried and dropped (fourth session, 2026-12-06, kb_10000000_s22, load average 10-12): the newest
-- matches from a RUM index with the event's first_day attached and posting lists ordered by it:
-- CREATE INDEX event_search_newest ON event USING rum (search rum_tsvector_addon_ops, first_day)
--   WITH (attach = 'first_day', to = 'search', order_by_attach = 't');   -- 378 s, 2,072 MB
-- LIMIT 1 read 1,424 buffers in 422-520 ms: RUM 1.3.13 still reads and sorts the whole posting
-- list before the first row (LIMIT 10,000: 554 ms warm; ranking them: 674 ms; officials: 5.2 s).
\timing on
SET max_parallel_workers_per_gather = 0;
-- newest B of ceasefire, from the addon index
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.event_id FROM event e WHERE e.search @@ plainto_tsquery('simple','ceasefire') AND e.merged_into IS NULL ORDER BY e.first_day <=| 2147483647::bigint LIMIT 10000;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.event_id FROM event e WHERE e.search @@ plainto_tsquery('simple','ceasefire') AND e.merged_into IS NULL ORDER BY e.first_day <=| 2147483647::bigint LIMIT 10000;
-- ranked among them
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH c AS MATERIALIZED (SELECT e.event_id AS id, e.search <=> plainto_tsquery('simple','ceasefire') AS d FROM event e WHERE e.search @@ plainto_tsquery('simple','ceasefire') AND e.merged_into IS NULL ORDER BY e.first_day <=| 2147483647::bigint LIMIT 10000) SELECT id, d, (SELECT count(*) FROM c) FROM c ORDER BY d, id LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH c AS MATERIALIZED (SELECT e.event_id AS id, e.search <=> plainto_tsquery('simple','ceasefire') AS d FROM event e WHERE e.search @@ plainto_tsquery('simple','ceasefire') AND e.merged_into IS NULL ORDER BY e.first_day <=| 2147483647::bigint LIMIT 50000) SELECT id, d, (SELECT count(*) FROM c) FROM c ORDER BY d, id LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH c AS MATERIALIZED (SELECT e.event_id AS id, e.search <=> plainto_tsquery('simple','officials') AS d FROM event e WHERE e.search @@ plainto_tsquery('simple','officials') AND e.merged_into IS NULL ORDER BY e.first_day <=| 2147483647::bigint LIMIT 10000) SELECT id, d, (SELECT count(*) FROM c) FROM c ORDER BY d, id LIMIT 20;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH c AS MATERIALIZED (SELECT e.event_id AS id, e.search <=> plainto_tsquery('simple','ceasefire russia') AS d FROM event e WHERE e.search @@ plainto_tsquery('simple','ceasefire russia') AND e.merged_into IS NULL ORDER BY e.first_day <=| 2147483647::bigint LIMIT 10000) SELECT id, d, (SELECT count(*) FROM c) FROM c ORDER BY d, id LIMIT 20;
