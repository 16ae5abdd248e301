-- The free-text search's key as a column of its own. Until now the trigram index was over an
-- expression (series_browse), and every candidate row the index found had to compute it again
-- to recheck the LIKE: six replace() and a lower() over identifier, title and description, about
-- 2.3 µs a row, so a common word at a million series (57,000 candidates) cost 250-650 ms before
-- the first page. Stored, the recheck reads the column.

-- AlterTable
ALTER TABLE "archive_series" ADD COLUMN     "search_key" TEXT NOT NULL DEFAULT '';

-- Hand-written: the key is kept by the database on every insert and update, so the API, the
-- imports, the generator and db:import need no code for it (and cannot write a wrong one). The
-- same spelling as before: æ, ø, å as ae, oe, aa, replaced before lower() (PGlite's C locale does
-- not lower Æ, Ø, Å); archive-series/filter.ts builds the search words the same way.
CREATE FUNCTION "archive_series_search_key"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_key" := lower(replace(replace(replace(replace(replace(replace(
    NEW."identifier" || ' ' || NEW."title" || ' ' || COALESCE(NEW."description", ''),
    'Æ', 'ae'), 'æ', 'ae'), 'Ø', 'oe'), 'ø', 'oe'), 'Å', 'aa'), 'å', 'aa'));
  RETURN NEW;
END;
$$;
CREATE TRIGGER "archive_series_search_key" BEFORE INSERT OR UPDATE ON "archive_series"
  FOR EACH ROW EXECUTE FUNCTION "archive_series_search_key"();

-- The series that exist already (the trigger above computes each key). Only the new column
-- changes, which neither the facet summary nor the readiness summary reads, so their update
-- triggers sit this one out: at a million series they re-aggregated every row for over ten
-- minutes to arrive where they started. Even so the backfill rewrites every row and its index
-- entries: about six minutes at a million series on a 2-core machine, seconds at a region's
-- real tens of thousands (VACUUM the table afterwards when it is that large).
ALTER TABLE "archive_series" DISABLE TRIGGER "archive_series_facet_update";
ALTER TABLE "archive_series" DISABLE TRIGGER "archive_series_readiness_update";
UPDATE "archive_series" SET "search_key" = '';
ALTER TABLE "archive_series" ENABLE TRIGGER "archive_series_facet_update";
ALTER TABLE "archive_series" ENABLE TRIGGER "archive_series_readiness_update";

-- CreateIndex
CREATE INDEX "archive_series_search_key_trgm_idx" ON "archive_series" USING GIN ("search_key" gin_trgm_ops);

-- The expression index it replaces.
DROP INDEX "archive_series_search_trgm";
