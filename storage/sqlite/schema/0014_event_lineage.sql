-- 0014_event_lineage: the states an event has had (issue #11, merging knowledge bases). Each
-- write of an event's analyst-visible fields (title, summary, date, kind, status but a dispute,
-- death toll, roles by their entity's permanent id) appends a 64-bit key of that state, oldest
-- first, the last 32 kept, space-separated hex. kb JSON carries it, so that merging a
-- colleague's version can tell "they changed it after the state we both had" (take theirs),
-- "we changed it after theirs" (keep ours) from "both changed it" (a conflict).
ALTER TABLE event ADD COLUMN lineage TEXT NOT NULL DEFAULT '';
