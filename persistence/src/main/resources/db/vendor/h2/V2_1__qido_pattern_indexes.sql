-- H2 counterpart of the PostgreSQL V2_1 (LIKE prefix indexes): H2 compares strings by code
-- point, so the V2 B-tree indexes already serve LIKE 'abc%'. Nothing to do; the file keeps the
-- version numbers of both databases in step.
SELECT 1;
