-- 0001_init: the knowledge base. Sources (articles) support events through citations; events
-- involve entities with a role and link to each other with typed relations. Dates are stored
-- as an interval of days (days since 1970-01-01) plus the precision they were stated at.

-- The event taxonomy, as data so that later migrations can extend it.
CREATE TABLE event_kind (
  kind TEXT PRIMARY KEY,
  description TEXT NOT NULL
) WITHOUT ROWID;
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

-- Typed relations between events.
CREATE TABLE link_relation (
  relation TEXT PRIMARY KEY,
  inverse TEXT NOT NULL,  -- how the relation reads from the other end
  description TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO link_relation (relation, inverse, description) VALUES
  ('violates', 'violated-by', 'the event breaks a commitment made in the other'),
  ('responds-to', 'responded-to-by', 'the event answers the other'),
  ('part-of', 'has-part', 'the event is one part of the other'),
  ('caused', 'caused-by', 'the event brought the other about'),
  ('precedes', 'follows', 'the event came before the other, and the order matters'),
  ('same-as', 'same-as', 'both records describe one event'),
  ('related', 'related', 'the events are connected in some other way');

CREATE TABLE source (
  source_id INTEGER PRIMARY KEY,
  url TEXT,
  title TEXT NOT NULL DEFAULT '',
  publisher TEXT,
  original_publisher TEXT,   -- for reprints: who published it first
  published TEXT,            -- ISO 8601 day or UTC date-time; NULL when unknown
  published_day INTEGER,     -- `published` as days since 1970-01-01, for as-of queries
  retrieved TEXT NOT NULL,   -- ISO 8601 UTC: when kb read it
  content_hash TEXT NOT NULL UNIQUE,  -- of the cleaned text (or of the URL for bare references)
  origin TEXT,               -- the file (and line) it was imported from
  body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX source_url ON source (url);
CREATE INDEX source_published ON source (published_day);

CREATE TABLE event (
  event_id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) > 0),
  summary TEXT NOT NULL DEFAULT '',
  first_day INTEGER NOT NULL,  -- days since 1970-01-01
  last_day INTEGER NOT NULL,
  precision TEXT NOT NULL CHECK (precision IN ('day', 'weekend', 'week', 'month', 'season',
      'quarter', 'half_year', 'year', 'decade', 'century')),
  modifier TEXT NOT NULL DEFAULT 'none' CHECK (modifier IN ('none', 'early', 'mid', 'late',
      'approx', 'before', 'after', 'since', 'until')),
  timex TEXT NOT NULL,            -- TIMEX3 value: 1994, 2022-02, 2023-W20-WE, 2019/2028
  date_text TEXT NOT NULL DEFAULT '',  -- the expression as stated ("over the weekend")
  kind TEXT NOT NULL DEFAULT 'other' REFERENCES event_kind (kind),
  status TEXT NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'planned', 'disputed')),
  confidence REAL NOT NULL DEFAULT 1.0 CHECK (confidence >= 0 AND confidence <= 1),
  origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'imported')),
  recorded_at TEXT NOT NULL,  -- ISO 8601 UTC
  updated_at TEXT NOT NULL,
  CHECK (first_day <= last_day)
);
CREATE INDEX event_first_day ON event (first_day, last_day);
CREATE INDEX event_last_day ON event (last_day);

CREATE TABLE entity (
  entity_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('person', 'country', 'organisation', 'place', 'group')),
  description TEXT NOT NULL DEFAULT '',
  wikidata TEXT CHECK (wikidata IS NULL OR wikidata GLOB 'Q[0-9]*'),
  country_id INTEGER REFERENCES entity (entity_id) ON DELETE SET NULL  -- where a place lies
);
CREATE INDEX entity_country ON entity (country_id);

-- Every entity's names, its canonical name included, under a case- and accent-free key.
CREATE TABLE entity_alias (
  alias_key TEXT NOT NULL,  -- kb::alias_key(alias)
  alias TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entity (entity_id) ON DELETE CASCADE,
  PRIMARY KEY (alias_key, entity_id)
) WITHOUT ROWID;
CREATE INDEX entity_alias_entity ON entity_alias (entity_id);

CREATE TABLE event_entity (
  event_id INTEGER NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entity (entity_id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('actor', 'target', 'location', 'mentioned')),
  PRIMARY KEY (event_id, entity_id, role)
) WITHOUT ROWID;
CREATE INDEX event_entity_entity ON event_entity (entity_id, event_id);

CREATE TABLE citation (
  citation_id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES source (source_id) ON DELETE CASCADE,
  quote TEXT NOT NULL DEFAULT '',
  quote_begin INTEGER,  -- byte offsets of the quote in source.body, when it came from there
  quote_end INTEGER
);
CREATE INDEX citation_event ON citation (event_id);
CREATE INDEX citation_source ON citation (source_id);

CREATE TABLE link (
  link_id INTEGER PRIMARY KEY,
  from_event INTEGER NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  relation TEXT NOT NULL REFERENCES link_relation (relation),
  to_event INTEGER NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  citation_id INTEGER REFERENCES citation (citation_id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  UNIQUE (from_event, relation, to_event),
  CHECK (from_event <> to_event)
);
CREATE INDEX link_to ON link (to_event);

CREATE TABLE event_tag (
  event_id INTEGER NOT NULL REFERENCES event (event_id) ON DELETE CASCADE,
  tag TEXT NOT NULL CHECK (length(tag) > 0),
  PRIMARY KEY (event_id, tag)
) WITHOUT ROWID;
CREATE INDEX event_tag_tag ON event_tag (tag, event_id);
