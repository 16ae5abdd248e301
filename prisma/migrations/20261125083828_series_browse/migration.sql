-- DropIndex
DROP INDEX "archive_series_municipality_id_identifier_key";

-- CreateTable
CREATE TABLE "archive_series_facet_count" (
    "municipality_id" INTEGER NOT NULL,
    "archive_creator_id" INTEGER NOT NULL,
    "status" "ArchiveSeriesStatus" NOT NULL,
    "document_medium" "DocumentMedium" NOT NULL,
    "retention_decision" TEXT NOT NULL,
    "classification_type" TEXT NOT NULL,
    "restricted" BOOLEAN NOT NULL,
    "restriction_basis" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "target_series_id" INTEGER NOT NULL,
    "deposit_status" "DepositStatus" NOT NULL,
    "decade" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "archive_series_facet_count_pkey" PRIMARY KEY ("municipality_id","archive_creator_id","status","document_medium","retention_decision","classification_type","restricted","restriction_basis","system","target_series_id","deposit_status","decade")
);

-- CreateIndex
CREATE INDEX "archive_series_deposit_status_id_idx" ON "archive_series"("deposit_status", "id");

-- CreateIndex
CREATE INDEX "archive_series_municipality_id_document_medium_id_idx" ON "archive_series"("municipality_id", "document_medium", "id");

-- CreateIndex
CREATE INDEX "archive_series_municipality_id_deposit_status_id_idx" ON "archive_series"("municipality_id", "deposit_status", "id");

-- CreateIndex
CREATE INDEX "archive_series_municipality_id_updated_at_id_idx" ON "archive_series"("municipality_id", "updated_at", "id");

-- ---------------------------------------------------------------------------
-- Hand-written: what schema.prisma cannot express (invisible to the drift check;
-- apps/api/src/modules/archive-series/archive-series.schema.test.ts proves each exists and bites).
-- ---------------------------------------------------------------------------

-- An identifier is unique among a municipality's live series: deleting one frees its identifier.
CREATE UNIQUE INDEX "archive_series_municipality_id_identifier_key" ON "archive_series" ("municipality_id", "identifier") WHERE "deleted_at" IS NULL;

-- Keyset pagination over the remaining nullable sort columns (alone and under a municipality).
-- A missing retention decision sorts after every decision: (is null, decision) keeps the
-- row-value comparison from ever meeting a NULL.
CREATE INDEX "archive_series_retention_key" ON "archive_series" (("retention_decision" IS NULL), (COALESCE("retention_decision", 'BEVARES'::"RetentionDecision")), "id");
CREATE INDEX "archive_series_municipality_retention_key" ON "archive_series" ("municipality_id", ("retention_decision" IS NULL), (COALESCE("retention_decision", 'BEVARES'::"RetentionDecision")), "id");
CREATE INDEX "archive_series_municipality_system_key" ON "archive_series" ("municipality_id", (COALESCE("system", '')), "id");
CREATE INDEX "archive_series_municipality_classification_key" ON "archive_series" ("municipality_id", (COALESCE("classification_type", '')), "id");

-- Free-text search: one trigram index over identifier, title and description, lower-cased with
-- æ, ø, å spelt ae, oe, aa (replaced before lower(): PGlite's C locale does not lower Æ, Ø, Å),
-- so a search behaves the same on PGlite and PostgreSQL. The API builds the same expression
-- (archive-series/search.ts); keep the two identical or the index is not used.
CREATE INDEX "archive_series_search_trgm" ON "archive_series" USING GIN ((lower(replace(replace(replace(replace(replace(replace("identifier" || ' ' || "title" || ' ' || COALESCE("description", ''), 'Æ', 'ae'), 'æ', 'ae'), 'Ø', 'oe'), 'ø', 'oe'), 'Å', 'aa'), 'å', 'aa'))) gin_trgm_ops);

-- Facet counts: archive_series_facet_count holds the live series per combination of the facet
-- dimensions. Statement-level triggers with transition tables keep it current in the writing
-- transaction, so the seed, the generator, imports and the API need no code of their own.
CREATE FUNCTION "archive_series_facet_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "archive_series_facet_count" AS f
    SELECT "municipality_id", "archive_creator_id", "status", "document_medium", "retention_decision", "classification_type", "restricted",
    "restriction_basis", "system", "target_series_id", "deposit_status", "decade", count(*)::int
    FROM (SELECT "municipality_id", COALESCE("archive_creator_id", 0) AS "archive_creator_id", "status", "document_medium",
      COALESCE("retention_decision"::text, '') AS "retention_decision", COALESCE("classification_type", '') AS "classification_type",
      "access_restriction" IS NOT NULL AS "restricted", COALESCE("restriction_basis", '') AS "restriction_basis", COALESCE("system", '') AS "system",
      COALESCE("target_series_id", 0) AS "target_series_id", "deposit_status", (date_part('year', "period_start")::int / 10) * 10 AS "decade" FROM new_rows WHERE "deleted_at" IS NULL) r
    GROUP BY "municipality_id", "archive_creator_id", "status", "document_medium", "retention_decision", "classification_type", "restricted",
    "restriction_basis", "system", "target_series_id", "deposit_status", "decade"
    ON CONFLICT ON CONSTRAINT "archive_series_facet_count_pkey" DO UPDATE SET "count" = f."count" + EXCLUDED."count";
    RETURN NULL;
  END IF;
  -- UPDATE and DELETE: add the new live rows, subtract the old live ones (a soft delete is an
  -- update that leaves a row out of new_rows' live part), then drop emptied combinations.
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO "archive_series_facet_count" AS f
    SELECT "municipality_id", "archive_creator_id", "status", "document_medium", "retention_decision", "classification_type", "restricted",
    "restriction_basis", "system", "target_series_id", "deposit_status", "decade", sum("delta")::int
    FROM (SELECT "municipality_id", COALESCE("archive_creator_id", 0) AS "archive_creator_id", "status", "document_medium",
      COALESCE("retention_decision"::text, '') AS "retention_decision", COALESCE("classification_type", '') AS "classification_type",
      "access_restriction" IS NOT NULL AS "restricted", COALESCE("restriction_basis", '') AS "restriction_basis", COALESCE("system", '') AS "system",
      COALESCE("target_series_id", 0) AS "target_series_id", "deposit_status", (date_part('year', "period_start")::int / 10) * 10 AS "decade", 1 AS "delta" FROM new_rows WHERE "deleted_at" IS NULL
          UNION ALL
          SELECT "municipality_id", COALESCE("archive_creator_id", 0) AS "archive_creator_id", "status", "document_medium",
      COALESCE("retention_decision"::text, '') AS "retention_decision", COALESCE("classification_type", '') AS "classification_type",
      "access_restriction" IS NOT NULL AS "restricted", COALESCE("restriction_basis", '') AS "restriction_basis", COALESCE("system", '') AS "system",
      COALESCE("target_series_id", 0) AS "target_series_id", "deposit_status", (date_part('year', "period_start")::int / 10) * 10 AS "decade", -1 AS "delta" FROM old_rows WHERE "deleted_at" IS NULL) r
    GROUP BY "municipality_id", "archive_creator_id", "status", "document_medium", "retention_decision", "classification_type", "restricted",
    "restriction_basis", "system", "target_series_id", "deposit_status", "decade"
    HAVING sum("delta") <> 0
    ON CONFLICT ON CONSTRAINT "archive_series_facet_count_pkey" DO UPDATE SET "count" = f."count" + EXCLUDED."count";
  ELSE
    INSERT INTO "archive_series_facet_count" AS f
    SELECT "municipality_id", "archive_creator_id", "status", "document_medium", "retention_decision", "classification_type", "restricted",
    "restriction_basis", "system", "target_series_id", "deposit_status", "decade", -count(*)::int
    FROM (SELECT "municipality_id", COALESCE("archive_creator_id", 0) AS "archive_creator_id", "status", "document_medium",
      COALESCE("retention_decision"::text, '') AS "retention_decision", COALESCE("classification_type", '') AS "classification_type",
      "access_restriction" IS NOT NULL AS "restricted", COALESCE("restriction_basis", '') AS "restriction_basis", COALESCE("system", '') AS "system",
      COALESCE("target_series_id", 0) AS "target_series_id", "deposit_status", (date_part('year', "period_start")::int / 10) * 10 AS "decade" FROM old_rows WHERE "deleted_at" IS NULL) r
    GROUP BY "municipality_id", "archive_creator_id", "status", "document_medium", "retention_decision", "classification_type", "restricted",
    "restriction_basis", "system", "target_series_id", "deposit_status", "decade"
    ON CONFLICT ON CONSTRAINT "archive_series_facet_count_pkey" DO UPDATE SET "count" = f."count" + EXCLUDED."count";
  END IF;
  DELETE FROM "archive_series_facet_count" f
  USING (SELECT DISTINCT "municipality_id", COALESCE("archive_creator_id", 0) AS "archive_creator_id", "status", "document_medium",
      COALESCE("retention_decision"::text, '') AS "retention_decision", COALESCE("classification_type", '') AS "classification_type",
      "access_restriction" IS NOT NULL AS "restricted", COALESCE("restriction_basis", '') AS "restriction_basis", COALESCE("system", '') AS "system",
      COALESCE("target_series_id", 0) AS "target_series_id", "deposit_status", (date_part('year', "period_start")::int / 10) * 10 AS "decade" FROM old_rows WHERE "deleted_at" IS NULL) d
  WHERE f."count" <= 0
    AND (f."municipality_id", f."archive_creator_id", f."status", f."document_medium", f."retention_decision", f."classification_type", f."restricted",
         f."restriction_basis", f."system", f."target_series_id", f."deposit_status", f."decade")
      = (d."municipality_id", d."archive_creator_id", d."status", d."document_medium", d."retention_decision", d."classification_type", d."restricted",
         d."restriction_basis", d."system", d."target_series_id", d."deposit_status", d."decade");
  RETURN NULL;
END;
$$;
CREATE TRIGGER "archive_series_facet_insert" AFTER INSERT ON "archive_series"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "archive_series_facet_apply"();
CREATE TRIGGER "archive_series_facet_update" AFTER UPDATE ON "archive_series"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "archive_series_facet_apply"();
CREATE TRIGGER "archive_series_facet_delete" AFTER DELETE ON "archive_series"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "archive_series_facet_apply"();
CREATE FUNCTION "archive_series_facet_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "archive_series_facet_count";
  RETURN NULL;
END;
$$;
CREATE TRIGGER "archive_series_facet_truncate" AFTER TRUNCATE ON "archive_series"
  FOR EACH STATEMENT EXECUTE FUNCTION "archive_series_facet_truncate"();

-- Backfill from the series that exist already.
INSERT INTO "archive_series_facet_count"
SELECT "municipality_id", COALESCE("archive_creator_id", 0), "status", "document_medium", COALESCE("retention_decision"::text, ''),
  COALESCE("classification_type", ''), "access_restriction" IS NOT NULL, COALESCE("restriction_basis", ''), COALESCE("system", ''),
  COALESCE("target_series_id", 0), "deposit_status", (date_part('year', "period_start")::int / 10) * 10, count(*)::int
FROM "archive_series" WHERE "deleted_at" IS NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;
