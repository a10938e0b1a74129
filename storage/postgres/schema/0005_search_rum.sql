-- 0005_search_rum: kb search ranked from the index where the server has the RUM extension
-- (Debian: postgresql-15-rum; issue #16, docs/scale.md section 2.2). A GIN index finds the
-- matches but cannot rank them, so the best 20 of 417,000 matches meant reading and scoring
-- every match's row; a RUM index keeps each lexeme's positions and weights in the index and
-- returns the matches best first (`ORDER BY search <=> query`), reading only the rows shown.
--
-- The RUM indexes are added beside the GIN ones (which stay: they count the matches and serve
-- the timeline's word topics) when the extension can be had: already created in this database,
-- or available on the server and this login may create it (RUM is not a trusted extension:
-- creating it takes a superuser). Otherwise kb keeps ranking every match with ts_rank_cd. Which
-- of the two kb uses is the row 'search_ranking' of kb_setting ('rum' or 'gin'), read by the
-- PostgreSQL engine (storage/postgres/store_query.cpp); the setting kb.search_index = 'gin'
-- (a server or session setting, e.g. the URI's options=-c kb.search_index=gin) keeps GIN even
-- where RUM could be had, so the tests run both ways.
--
-- A server that gets the extension later: a superuser runs `CREATE EXTENSION rum` in the
-- knowledge base's database, then kb's owner `SELECT kb_search_use_rum()` (builds both indexes;
-- at 10M events, minutes) and kb ranks from them from its next command on.
CREATE TABLE kb_setting (
  name ctext PRIMARY KEY,
  value ctext NOT NULL
);
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_reader') THEN
    GRANT SELECT ON kb_setting TO kb_reader;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kb_editor') THEN
    GRANT SELECT ON kb_setting TO kb_editor;
  END IF;
END $$;

-- Creates the RUM indexes when it can and records which ranking kb uses; returns it.
CREATE FUNCTION kb_search_use_rum() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  ranking text := 'gin';
BEGIN
  IF coalesce(current_setting('kb.search_index', true), '') <> 'gin' THEN
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum')
         AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') THEN
        CREATE EXTENSION rum;
      END IF;
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'rum') THEN
        CREATE INDEX IF NOT EXISTS event_search_rum ON event USING rum (search rum_tsvector_ops);
        CREATE INDEX IF NOT EXISTS source_search_rum ON source USING rum (search rum_tsvector_ops);
        ranking := 'rum';
      END IF;
    EXCEPTION
      -- not a superuser; or the extension lies in a schema kb's search_path does not reach
      WHEN insufficient_privilege OR undefined_object OR undefined_function THEN
        RAISE NOTICE 'kb: ranking search with GIN: %', SQLERRM;
    END;
  END IF;
  INSERT INTO kb_setting (name, value) VALUES ('search_ranking', ranking)
    ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value;
  RETURN ranking;
END $$;
SELECT kb_search_use_rum();
