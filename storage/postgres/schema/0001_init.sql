-- 0001_init: the knowledge base on PostgreSQL, the same records as SQLite's schema at version 14
-- (storage/sqlite/schema/0001..0014) in one step, so that every engine keeps the same ids,
-- dates, texts and orders. Differences, and why:
--  * text columns are of the domain ctext (text COLLATE "C"): ordering and lower() then work on
--    bytes and ASCII as SQLite's BINARY collation and lower() do, whatever the database locale;
--  * local numbers come from id_sequence as on SQLite (a high-water mark, never given out
--    twice), kept by triggers; permanent ids default to gen_random_uuid() (v4, lower case);
--  * full text is a tsvector per event (title, summary, quotes of its citations; kept by
--    triggers) and per source (title, body; a generated column), both with GIN indexes, built
--    with the 'simple' configuration: lower-cased words, no stemming and no stop words, as
--    SQLite's unicode61 tokenizer reads them.
-- Every integer is a bigint (SQLite's INTEGER is 64-bit); flags stay integers 0/1.

CREATE DOMAIN ctext AS text COLLATE "C";

CREATE TABLE event_kind (
  kind ctext PRIMARY KEY,
  description ctext NOT NULL
);
INSERT INTO event_kind (kind, description) VALUES
  ('agreement', 'a treaty, deal, accord, assurance or guarantee agreed or signed'),
  ('attack', 'an armed attack, invasion, strike, shelling or offensive'),
  ('territorial_change', 'territory captured, annexed, liberated, ceded or withdrawn from'),
  ('meeting', 'a summit, talks, conference or meeting between parties'),
  ('statement', 'a statement, warning, threat, demand or announcement that is itself news'),
  ('aid', 'military, financial or humanitarian aid, arms transfers, training'),
  ('visit', 'an official visit to a place'),
  ('election', 'an election, referendum or vote'),
  ('application', 'an application or bid to join an organisation'),
  ('sanction', 'sanctions, embargoes, expulsions and other coercive measures'),
  ('decision', 'a policy decision, law, appointment or resignation'),
  ('protest', 'protests, demonstrations, unrest'),
  ('other', 'anything else worth a place on a timeline');

CREATE TABLE link_relation (
  relation ctext PRIMARY KEY,
  inverse ctext NOT NULL,
  description ctext NOT NULL
);
INSERT INTO link_relation (relation, inverse, description) VALUES
  ('violates', 'violated-by', 'the event breaks a commitment made in the other'),
  ('responds-to', 'responded-to-by', 'the event answers the other'),
  ('part-of', 'has-part', 'the event is one part of the other'),
  ('caused', 'caused-by', 'the event brought the other about'),
  ('precedes', 'follows', 'the event came before the other, and the order matters'),
  ('same-as', 'same-as', 'both records describe one event'),
  ('related', 'related', 'the events are connected in some other way');

CREATE TABLE id_sequence (
  name ctext PRIMARY KEY,   -- 'event', 'entity', 'source'
  last_id bigint NOT NULL   -- the highest local number ever given out in that table
);
INSERT INTO id_sequence (name, last_id) VALUES ('event', 0), ('entity', 0), ('source', 0);

CREATE TABLE import_run (
  import_id bigserial PRIMARY KEY,
  started_at ctext NOT NULL,
  finished_at ctext,
  inputs ctext NOT NULL,
  articles bigint NOT NULL DEFAULT 0,
  added bigint NOT NULL DEFAULT 0,
  unchanged bigint NOT NULL DEFAULT 0,
  failed bigint NOT NULL DEFAULT 0,
  events bigint NOT NULL DEFAULT 0,
  undone_at ctext
);

CREATE TABLE import_warning (
  warning_id bigserial PRIMARY KEY,  -- keeps the order they were stored in (SQLite's rowid)
  import_id bigint NOT NULL REFERENCES import_run (import_id) ON DELETE CASCADE,
  origin ctext NOT NULL,
  message ctext NOT NULL
);
CREATE INDEX import_warning_run ON import_warning (import_id);

CREATE TABLE source (
  source_id bigint PRIMARY KEY,
  url ctext,
  title ctext NOT NULL DEFAULT '',
  publisher ctext,
  original_publisher ctext,
  published ctext,
  published_day bigint,
  retrieved ctext NOT NULL,
  content_hash ctext NOT NULL UNIQUE,
  origin ctext,
  body ctext NOT NULL DEFAULT '',
  import_id bigint REFERENCES import_run (import_id),
  uuid ctext NOT NULL UNIQUE DEFAULT gen_random_uuid()::text,
  search tsvector GENERATED ALWAYS AS
    (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B'))
    STORED
);
CREATE INDEX source_url ON source (url);
CREATE INDEX source_published ON source (published_day);
CREATE INDEX source_import ON source (import_id);
CREATE INDEX source_search ON source USING gin (search);

CREATE TABLE event (
  event_id bigint PRIMARY KEY,
  title ctext NOT NULL CHECK (length(title) > 0),
  summary ctext NOT NULL DEFAULT '',
  first_day bigint NOT NULL,
  last_day bigint NOT NULL,
  precision ctext NOT NULL CHECK (precision IN ('day', 'weekend', 'week', 'month', 'season',
      'quarter', 'half_year', 'year', 'decade', 'century')),
  modifier ctext NOT NULL DEFAULT 'none' CHECK (modifier IN ('none', 'early', 'mid', 'late',
      'approx', 'before', 'after', 'since', 'until')),
  timex ctext NOT NULL,
  date_text ctext NOT NULL DEFAULT '',
  kind ctext NOT NULL DEFAULT 'other' REFERENCES event_kind (kind),
  status ctext NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'planned', 'disputed')),
  confidence double precision NOT NULL DEFAULT 1.0 CHECK (confidence >= 0 AND confidence <= 1),
  origin ctext NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'imported')),
  recorded_at ctext NOT NULL,
  updated_at ctext NOT NULL,
  import_id bigint REFERENCES import_run (import_id),
  merged_into bigint REFERENCES event (event_id) ON DELETE SET NULL,
  concept ctext,
  uuid ctext NOT NULL UNIQUE DEFAULT gen_random_uuid()::text,
  curated bigint NOT NULL DEFAULT 0 CHECK (curated IN (0, 1)),
  fatalities bigint CHECK (fatalities IS NULL OR fatalities >= 0),
  lineage ctext NOT NULL DEFAULT '',
  search tsvector NOT NULL DEFAULT ''::tsvector,  -- title, summary and quotes (triggers below)
  CHECK (first_day <= last_day)
);
CREATE INDEX event_first_day ON event (first_day, last_day);
CREATE INDEX event_last_day ON event (last_day);
CREATE INDEX event_import ON event (import_id);
CREATE INDEX event_kind_day ON event (kind, first_day);
CREATE INDEX event_kind_title ON event (kind, lower(title));
CREATE INDEX event_merged_into ON event (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX event_concept_day ON event (concept, first_day) WHERE concept IS NOT NULL;
CREATE INDEX event_search ON event USING gin (search);

CREATE TABLE entity (
  entity_id bigint PRIMARY KEY,
  name ctext NOT NULL CHECK (length(name) > 0),
  kind ctext NOT NULL CHECK (kind IN ('person', 'country', 'organisation', 'place', 'group')),
  description ctext NOT NULL DEFAULT '',
  wikidata ctext CHECK (wikidata IS NULL OR wikidata ~ '^Q[0-9]'),
  country_id bigint REFERENCES entity (entity_id) ON DELETE SET NULL,
  uuid ctext NOT NULL UNIQUE DEFAULT gen_random_uuid()::text,
  import_id bigint REFERENCES import_run (import_id),
  latitude double precision CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180)
);
CREATE INDEX entity_country ON entity (country_id);

CREATE TABLE entity_alias (
  alias_key ctext NOT NULL,
  alias ctext NOT NULL,
  entity_id bigint NOT NULL REFERENCES entity (entity_id) ON DELETE CASCADE,
  PRIMARY KEY (alias_key, entity_id)
);
CREATE INDEX entity_alias_entity ON entity_alias (entity_id);

CREATE TABLE event_entity (
  event_id bigint NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  entity_id bigint NOT NULL REFERENCES entity (entity_id) ON DELETE CASCADE,
  role ctext NOT NULL CHECK (role IN ('actor', 'target', 'location', 'mentioned', 'claimant')),
  PRIMARY KEY (event_id, entity_id, role)
);
CREATE INDEX event_entity_entity ON event_entity (entity_id, event_id);

CREATE TABLE citation (
  citation_id bigserial PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  source_id bigint NOT NULL REFERENCES source (source_id) ON DELETE CASCADE,
  quote ctext NOT NULL DEFAULT '',
  quote_begin bigint,
  quote_end bigint
);
CREATE INDEX citation_event ON citation (event_id);
CREATE INDEX citation_source ON citation (source_id);

CREATE TABLE link (
  link_id bigserial PRIMARY KEY,
  from_event bigint NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  relation ctext NOT NULL REFERENCES link_relation (relation),
  to_event bigint NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  citation_id bigint REFERENCES citation (citation_id) ON DELETE SET NULL,
  created_at ctext NOT NULL,
  UNIQUE (from_event, relation, to_event),
  CHECK (from_event <> to_event)
);
CREATE INDEX link_to ON link (to_event);

CREATE TABLE event_tag (
  event_id bigint NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  tag ctext NOT NULL CHECK (length(tag) > 0),
  PRIMARY KEY (event_id, tag)
);
CREATE INDEX event_tag_tag ON event_tag (tag, event_id);

CREATE TABLE extraction_citation (
  citation_id bigint PRIMARY KEY REFERENCES citation (citation_id) ON DELETE CASCADE,
  source_id bigint NOT NULL REFERENCES source (source_id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  created_event bigint NOT NULL DEFAULT 0
);
CREATE INDEX extraction_citation_source ON extraction_citation (source_id);
CREATE INDEX extraction_citation_event ON extraction_citation (event_id);

CREATE TABLE event_date_history (
  history_id bigserial PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  change ctext NOT NULL CHECK (change IN ('refined', 'disputed')),
  old_timex ctext NOT NULL,
  old_modifier ctext NOT NULL DEFAULT 'none',
  old_text ctext NOT NULL DEFAULT '',
  old_status ctext NOT NULL DEFAULT 'reported',
  new_timex ctext NOT NULL,
  new_modifier ctext NOT NULL DEFAULT 'none',
  new_text ctext NOT NULL DEFAULT '',
  source_id bigint REFERENCES source (source_id) ON DELETE CASCADE,
  quote ctext NOT NULL DEFAULT '',
  recorded_at ctext NOT NULL
);
CREATE INDEX event_date_history_event ON event_date_history (event_id);
CREATE INDEX event_date_history_source ON event_date_history (source_id);

CREATE TABLE extraction_role (
  source_id bigint NOT NULL REFERENCES source (source_id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  entity_id bigint NOT NULL REFERENCES entity (entity_id) ON DELETE CASCADE,
  role ctext NOT NULL,
  PRIMARY KEY (event_id, entity_id, role, source_id)
);
CREATE INDEX extraction_role_source ON extraction_role (source_id);

-- The operation log (`kb log`, `kb undo`), as on SQLite.
CREATE TABLE op (
  op_id bigserial PRIMARY KEY,
  at ctext NOT NULL,
  "user" ctext NOT NULL,
  command ctext NOT NULL,
  undoes bigint REFERENCES op (op_id),
  undone_by bigint REFERENCES op (op_id),
  import_id bigint REFERENCES import_run (import_id),
  undid_import bigint REFERENCES import_run (import_id)
);
CREATE TABLE op_event (
  op_id bigint NOT NULL REFERENCES op (op_id) ON DELETE CASCADE,
  event_id bigint NOT NULL,
  event_uuid ctext NOT NULL,
  before ctext,
  after ctext,
  history ctext,
  PRIMARY KEY (op_id, event_id)
);
CREATE INDEX op_event_event ON op_event (event_id);
CREATE TABLE op_record (
  op_id bigint NOT NULL REFERENCES op (op_id) ON DELETE CASCADE,
  kind ctext NOT NULL CHECK (kind IN ('entity', 'source')),
  record_id bigint NOT NULL,
  PRIMARY KEY (op_id, kind, record_id)
);
CREATE TABLE op_entity (
  op_id bigint NOT NULL REFERENCES op (op_id) ON DELETE CASCADE,
  entity_id bigint NOT NULL,
  entity_uuid ctext NOT NULL,
  before ctext,
  after ctext,
  import_id bigint,
  PRIMARY KEY (op_id, entity_id)
);
CREATE TABLE op_source (
  op_id bigint NOT NULL REFERENCES op (op_id) ON DELETE CASCADE,
  source_id bigint NOT NULL,
  source_uuid ctext NOT NULL,
  before ctext,
  after ctext,
  import_id bigint,
  PRIMARY KEY (op_id, source_id)
);

-- Local numbers: the high-water mark follows every insert (restores insert given numbers).
CREATE FUNCTION kb_note_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE id_sequence
    SET last_id = GREATEST(last_id, (to_jsonb(NEW) ->> (TG_ARGV[0] || '_id'))::bigint)
    WHERE name = TG_ARGV[0];
  RETURN NULL;
END $$;
CREATE TRIGGER event_id_sequence AFTER INSERT ON event
  FOR EACH ROW EXECUTE FUNCTION kb_note_id('event');
CREATE TRIGGER entity_id_sequence AFTER INSERT ON entity
  FOR EACH ROW EXECUTE FUNCTION kb_note_id('entity');
CREATE TRIGGER source_id_sequence AFTER INSERT ON source
  FOR EACH ROW EXECUTE FUNCTION kb_note_id('source');

-- An event's searchable text: title (weight A), summary (B), and its citations' quotes (C).
CREATE FUNCTION kb_event_document(title text, summary text, id bigint) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('simple', title), 'A')
      || setweight(to_tsvector('simple', summary), 'B')
      || setweight(to_tsvector('simple', coalesce((SELECT string_agg(c.quote, ' … ')
             FROM citation c WHERE c.event_id = id), '')), 'C')
$$;
CREATE FUNCTION kb_event_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := kb_event_document(NEW.title, NEW.summary, NEW.event_id);
  RETURN NEW;
END $$;
CREATE TRIGGER event_search BEFORE INSERT OR UPDATE OF title, summary ON event
  FOR EACH ROW EXECUTE FUNCTION kb_event_search();
CREATE FUNCTION kb_citation_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE event SET search = kb_event_document(title, summary, event_id)
      WHERE event_id = OLD.event_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    UPDATE event SET search = kb_event_document(title, summary, event_id)
      WHERE event_id = NEW.event_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER citation_search AFTER INSERT OR DELETE OR UPDATE OF quote, event_id ON citation
  FOR EACH ROW EXECUTE FUNCTION kb_citation_search();
