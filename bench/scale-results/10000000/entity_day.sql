\timing on
SET work_mem = '512MB';
SET maintenance_work_mem = '1GB';
DROP TABLE IF EXISTS scratch_entity_day;
CREATE UNLOGGED TABLE scratch_entity_day AS SELECT ee.entity_id, e.first_day, e.last_day, ee.event_id FROM event_entity ee JOIN event e USING (event_id);
CREATE INDEX scratch_entity_day_idx ON scratch_entity_day (entity_id, first_day, last_day, event_id);
VACUUM ANALYZE scratch_entity_day;
SELECT pg_size_pretty(pg_total_relation_size('scratch_entity_day'));
