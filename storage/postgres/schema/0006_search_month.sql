-- 0006_search_month: a common query's search ranks the matches of the newest months (issue #16,
-- docs/scale.md section 2.2, docs/storage.md "Full text"). The RUM index of schema 5 ranks from
-- the index, but it reads every posting of the query's words and scores every match: 0.5 s for
-- a word in 417,000 of 10M events, 3 s and more for one in 2M, 2 s for that word and another. So
-- where the planner expects the query's words to match many events (or sources) between them
-- (kb.search_bound, default 50,000), kb ranks the matches dated in the newest months that have
-- any (kb.search_months, default 6; more when they hold fewer hits than asked for) and says so;
-- `kb search --all` ranks every match.
--
-- The index that makes a month cheap to search: each event's search document with every lexeme
-- renamed to the lexeme and the event's month ('ceasefire 202412', the month of first_day; a
-- source's from published_day, 'ceasefire none' when it has no date), keeping its positions and
-- weights, in a RUM index of its own. A query for one month is the query with every lexeme
-- renamed the same way (kb_search_in_month()): it reads only that month's postings of its words,
-- and it scores each match exactly as the whole ranking does (same positions, same weights). No
-- query a user types holds such a lexeme (the parser splits at the space), and the search column
-- and its indexes do not change. (One month lexeme added to the document instead, `words &
-- 'month 202412'`, was measured first: RUM still decoded most of the word's postings for each
-- month, 0.12-0.14 s a month for a word in 417,000 of 10M events; docs/scale.md.)
--
-- Built only where search ranks with RUM (kb_setting 'search_ranking' = 'rum'), by
-- kb_search_use_rum(), which now makes both kinds of RUM index; with GIN kb ranks every match as
-- before.
CREATE OR REPLACE FUNCTION kb_search_month_of(day bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce((extract(year FROM make_date(1970, 1, 1) + day::int) * 100 +
                   extract(month FROM make_date(1970, 1, 1) + day::int))::text, 'none')
$$;
-- The document's text form ('ceasefire':4A,11B ...) with each quoted lexeme renamed; the
-- quoting (a quote doubled, a backslash escaped) is kept as it is.
CREATE OR REPLACE FUNCTION kb_search_month(doc tsvector, day bigint) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(doc::text, '''((?:[^'']|'''')*)''',
                        '''\1 ' || kb_search_month_of(day) || '''', 'g')::tsvector
$$;
CREATE OR REPLACE FUNCTION kb_search_in_month(q tsquery, month text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(q::text, '''((?:[^'']|'''')*)''', '''\1 ' || month || '''', 'g')::tsquery
$$;

CREATE OR REPLACE FUNCTION kb_search_use_rum() RETURNS text LANGUAGE plpgsql AS $$
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
        CREATE INDEX IF NOT EXISTS event_search_month ON event
          USING rum (kb_search_month(search, first_day) rum_tsvector_ops);
        CREATE INDEX IF NOT EXISTS source_search_month ON source
          USING rum (kb_search_month(search, published_day) rum_tsvector_ops);
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
SELECT kb_search_use_rum() FROM kb_setting WHERE name = 'search_ranking' AND value = 'rum';
