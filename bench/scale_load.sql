-- The scale benchmark's bulk load (bench/scale.sh): fills a PostgreSQL database that kb has just
-- migrated (empty, kb's schema) with the rows `bench_core --copy DIR` wrote, as a DBA would for
-- a bulk load, in one transaction (psql -1):
--   * session_replication_role = replica: no trigger fires, so neither kb's (the id_sequence
--     high-water marks, the event search document) nor the foreign-key checks; both are done in
--     bulk here instead (id_sequence at the end, event.search in the INSERT ... SELECT), and the
--     generator writes only consistent ids;
--   * the tables are truncated first, so that with wal_level=minimal their rows are not written
--     to the WAL, and COPY ... FREEZE stores them already frozen;
--   * every index but the primary keys, and the unique constraints, are dropped before and
--     recreated after, from their own definitions (pg_get_indexdef, pg_get_constraintdef), so
--     that the schema ends exactly as kb made it (scale.sh compares pg_dump --schema-only).
-- Usage: psql -1 -v ON_ERROR_STOP=1 -v dir=/path/to/copy/files -f bench/scale_load.sql URI
\timing on
SET session_replication_role = replica;
SET maintenance_work_mem = '1GB';

TRUNCATE entity, entity_alias, event, event_entity, source, citation CASCADE;

CREATE TEMP TABLE kb_rebuild ON COMMIT DROP AS
  SELECT 1 AS step, format('DROP INDEX %s', i.indexrelid::regclass) AS drop_sql,
         pg_get_indexdef(i.indexrelid) AS create_sql
    FROM pg_index i
   WHERE i.indrelid IN ('entity'::regclass, 'entity_alias'::regclass, 'event'::regclass,
                        'event_entity'::regclass, 'source'::regclass, 'citation'::regclass)
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
  UNION ALL
  SELECT 2, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
         format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname,
                pg_get_constraintdef(c.oid))
    FROM pg_constraint c
   WHERE c.contype = 'u'
     AND c.conrelid IN ('entity'::regclass, 'event'::regclass, 'source'::regclass);
SELECT step, drop_sql FROM kb_rebuild ORDER BY step, drop_sql;
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT drop_sql FROM kb_rebuild LOOP
    EXECUTE r.drop_sql;
  END LOOP;
END $$;

\set f :dir/entity.tsv
COPY entity (entity_id, name, kind, description) FROM :'f' WITH (FREEZE);
\set f :dir/entity_alias.tsv
COPY entity_alias (alias_key, alias, entity_id) FROM :'f' WITH (FREEZE);
-- Since schema 0003 (PostgreSQL) each role carries its event's days, which kb's trigger copies
-- from the event: the roles are then loaded after the events, joined to them. A database of an
-- older kb (no such columns) takes the roles as they are.
SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
               AND table_name = 'event_entity' AND column_name = 'first_day') AS role_days \gset
\if :role_days
\else
\set f :dir/event_entity.tsv
COPY event_entity (event_id, entity_id, role) FROM :'f' WITH (FREEZE);
\endif
\set f :dir/source.tsv
COPY source (source_id, url, title, publisher, published, published_day, retrieved, content_hash,
             body) FROM :'f' WITH (FREEZE);
\set f :dir/citation.tsv
COPY citation (event_id, source_id, quote) FROM :'f' WITH (FREEZE);

-- Events go through a temporary table so that each row is stored once, with its search document
-- computed as kb_event_document() does it (title A, summary B, its citations' quotes C).
SET work_mem = '1GB';  -- the ORDER BY below: rows stored in id order, as SQLite's rowids are
CREATE TEMP TABLE event_load (event_id bigint, title text, summary text, first_day bigint,
  last_day bigint, precision text, modifier text, timex text, date_text text, kind text,
  status text, confidence double precision, origin text, recorded_at text, updated_at text)
  ON COMMIT DROP;
\set f :dir/event.tsv
COPY event_load (event_id, title, summary, first_day, last_day, precision, modifier, timex,
                 date_text, kind, status, confidence, origin, recorded_at, updated_at) FROM :'f';
INSERT INTO event (event_id, title, summary, first_day, last_day, precision, modifier, timex,
                   date_text, kind, status, confidence, origin, recorded_at, updated_at, search)
SELECT e.event_id, e.title, e.summary, e.first_day, e.last_day, e.precision, e.modifier, e.timex,
       e.date_text, e.kind, e.status, e.confidence, e.origin, e.recorded_at, e.updated_at,
       setweight(to_tsvector('simple', e.title), 'A')
         || setweight(to_tsvector('simple', e.summary), 'B')
         || setweight(to_tsvector('simple', coalesce(q.quotes, '')), 'C')
  FROM event_load e
  LEFT JOIN (SELECT event_id, string_agg(quote, ' … ') AS quotes FROM citation
              GROUP BY event_id) q ON q.event_id = e.event_id
 ORDER BY e.event_id;
DROP TABLE event_load;
\if :role_days
CREATE TEMP TABLE role_load (event_id bigint, entity_id bigint, role text) ON COMMIT DROP;
\set f :dir/event_entity.tsv
COPY role_load (event_id, entity_id, role) FROM :'f';
INSERT INTO event_entity (event_id, entity_id, role, first_day, last_day)
SELECT r.event_id, r.entity_id, r.role, e.first_day, e.last_day
  FROM role_load r JOIN event e ON e.event_id = r.event_id;
DROP TABLE role_load;
\endif

DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT create_sql FROM kb_rebuild ORDER BY step, create_sql LOOP
    RAISE NOTICE '%', r.create_sql;
    EXECUTE r.create_sql;
  END LOOP;
END $$;

UPDATE id_sequence s SET last_id = GREATEST(s.last_id, m.last_id)
  FROM (SELECT 'event' AS name, max(event_id) AS last_id FROM event
        UNION ALL SELECT 'entity', max(entity_id) FROM entity
        UNION ALL SELECT 'source', max(source_id) FROM source) m
 WHERE s.name = m.name;
SET session_replication_role = origin;

-- Checks: the documents are those kb's trigger makes (a sample of 1 in 997), and counts.
SELECT count(*) AS search_documents_differing FROM event e
 WHERE e.event_id % 997 = 0 AND e.search IS DISTINCT FROM kb_event_document(e.title, e.summary,
                                                                             e.event_id);
\if :role_days
SELECT count(*) AS role_days_differing FROM event_entity r JOIN event e USING (event_id)
 WHERE r.event_id % 997 = 0 AND (r.first_day, r.last_day) <> (e.first_day, e.last_day);
\endif
SELECT (SELECT count(*) FROM event) AS events, (SELECT count(*) FROM entity) AS entities,
       (SELECT count(*) FROM source) AS sources, (SELECT count(*) FROM citation) AS citations,
       (SELECT count(*) FROM event_entity) AS roles;
