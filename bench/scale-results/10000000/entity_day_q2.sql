\timing on
SET max_parallel_workers_per_gather = 0;
-- the first 100 events of entity N in date order from an (entity_id, first_day, last_day, event_id) index, then those events
PREPARE q(bigint) AS SELECT e.event_id, e.title FROM event e WHERE e.event_id IN (SELECT event_id FROM scratch_entity_day WHERE entity_id = $1 ORDER BY first_day, last_day, event_id LIMIT 100) AND e.merged_into IS NULL ORDER BY e.first_day, e.last_day, e.event_id;
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q(1);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q(1);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q(1);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q(100);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q(100);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q(10000);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q(10000);
-- kb's selection today, for comparison in the same session
PREPARE t(bigint[], text, bigint) AS SELECT e.event_id FROM event e WHERE e.merged_into IS NULL
  AND (e.event_id IN (SELECT ee.event_id FROM event_entity ee WHERE ee.entity_id = ANY ($1))
       OR e.event_id IN (SELECT event_id FROM event_tag WHERE tag = $2::ctext))
  ORDER BY e.first_day, e.last_day, e.event_id LIMIT $3;
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE t('{1}', 'russia', 100);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE t('{100}', 'person 100', 100);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE t('{10000}', 'x', 100);
