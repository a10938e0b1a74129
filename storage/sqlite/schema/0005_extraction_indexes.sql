-- 0005_extraction_indexes: indexes for merging extracted events with stored ones. Without them
-- each extracted event scanned every stored event of its entities (or every event for a title
-- match), which made imports slow down as the knowledge base grew.
CREATE INDEX event_kind_day ON event (kind, first_day);
CREATE INDEX event_kind_title ON event (kind, title COLLATE NOCASE);
