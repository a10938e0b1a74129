-- 0002_fts: full-text search. event_fts indexes each event's title, summary and the quotes
-- that cite it; it keeps its own copy of that text (the quotes live in another table), and
-- triggers rebuild an event's row whenever the event or one of its citations changes.
-- source_fts is an external-content index over source (title, body).

CREATE VIEW event_text (event_id, title, summary, quotes) AS
  SELECT e.event_id, e.title, e.summary,
         coalesce((SELECT group_concat(c.quote, ' … ') FROM citation c
                   WHERE c.event_id = e.event_id), '')
  FROM event e;

CREATE VIRTUAL TABLE event_fts USING fts5(
  title, summary, quotes,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER event_fts_insert AFTER INSERT ON event BEGIN
  INSERT INTO event_fts (rowid, title, summary, quotes)
    SELECT event_id, title, summary, quotes FROM event_text WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER event_fts_update AFTER UPDATE OF title, summary ON event BEGIN
  DELETE FROM event_fts WHERE rowid = OLD.event_id;
  INSERT INTO event_fts (rowid, title, summary, quotes)
    SELECT event_id, title, summary, quotes FROM event_text WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER event_fts_delete AFTER DELETE ON event BEGIN
  DELETE FROM event_fts WHERE rowid = OLD.event_id;
END;
CREATE TRIGGER citation_fts_insert AFTER INSERT ON citation BEGIN
  DELETE FROM event_fts WHERE rowid = NEW.event_id;
  INSERT INTO event_fts (rowid, title, summary, quotes)
    SELECT event_id, title, summary, quotes FROM event_text WHERE event_id = NEW.event_id;
END;
CREATE TRIGGER citation_fts_delete AFTER DELETE ON citation BEGIN
  DELETE FROM event_fts WHERE rowid = OLD.event_id;
  INSERT INTO event_fts (rowid, title, summary, quotes)
    SELECT event_id, title, summary, quotes FROM event_text WHERE event_id = OLD.event_id;
END;
CREATE TRIGGER citation_fts_update AFTER UPDATE OF quote, event_id ON citation BEGIN
  DELETE FROM event_fts WHERE rowid IN (OLD.event_id, NEW.event_id);
  INSERT INTO event_fts (rowid, title, summary, quotes)
    SELECT event_id, title, summary, quotes FROM event_text
    WHERE event_id IN (OLD.event_id, NEW.event_id);
END;

CREATE VIRTUAL TABLE source_fts USING fts5(
  title, body,
  content = 'source', content_rowid = 'source_id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER source_fts_insert AFTER INSERT ON source BEGIN
  INSERT INTO source_fts (rowid, title, body) VALUES (NEW.source_id, NEW.title, NEW.body);
END;
CREATE TRIGGER source_fts_delete AFTER DELETE ON source BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, body)
    VALUES ('delete', OLD.source_id, OLD.title, OLD.body);
END;
CREATE TRIGGER source_fts_update AFTER UPDATE OF title, body ON source BEGIN
  INSERT INTO source_fts (source_fts, rowid, title, body)
    VALUES ('delete', OLD.source_id, OLD.title, OLD.body);
  INSERT INTO source_fts (rowid, title, body) VALUES (NEW.source_id, NEW.title, NEW.body);
END;
