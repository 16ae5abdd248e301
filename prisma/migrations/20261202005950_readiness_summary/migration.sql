-- CreateTable
CREATE TABLE "archive_series_readiness_count" (
    "municipality_id" INTEGER NOT NULL,
    "status" "ArchiveSeriesStatus" NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "archive_series_readiness_count_pkey" PRIMARY KEY ("municipality_id","status","succeeded")
);


-- ---------------------------------------------------------------------------
-- Hand-written: the functions and triggers that keep archive_series_readiness_count (invisible
-- to the drift check; apps/api/src/modules/overview/readinessSummary.test.ts proves they exist
-- and keep the summary equal to a recount).
-- ---------------------------------------------------------------------------

-- A date setting: app_setting[key] when it holds a valid YYYY-MM-DD string, else the fallback.
CREATE FUNCTION "samarkiv_setting_date"(setting_key text, fallback date) RETURNS date LANGUAGE plpgsql STABLE AS $$
DECLARE
  v text;
BEGIN
  SELECT CASE WHEN jsonb_typeof("value") = 'string' THEN "value" #>> '{}' END INTO v FROM "app_setting" WHERE "key" = setting_key;
  IF v ~ '^\d{4}-\d{2}-\d{2}$' THEN
    BEGIN
      IF to_char(v::date, 'YYYY-MM-DD') = v THEN RETURN v::date; END IF;
    EXCEPTION WHEN others THEN
      NULL;
    END;
  END IF;
  RETURN fallback;
END;
$$;

-- The cut-over date the summary counts against (its basis), kept beside the settings under
-- overview.readiness_basis. The API uses the summary only when the basis is the cut-over date
-- it reads from the settings (a hand-edited setting falls back to counting the series).
CREATE FUNCTION "archive_series_readiness_cut_over"() RETURNS date LANGUAGE sql STABLE AS $$
  SELECT "samarkiv_setting_date"('overview.readiness_basis', DATE '2026-01-01')
$$;

-- Recount from the series against a cut-over date, and record it as the basis: filling the
-- summary, after a hard delete, after
-- db:import, and when the cut-over date changes (updateOverviewSettings calls
-- it in its transaction; a full pass, about a second at a million series on PostgreSQL, for a
-- setting changed once or twice in the project's life).
CREATE FUNCTION "archive_series_readiness_rebuild"(cut date) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- No row reads as the default date, so a database on the default holds no row (a freshly
  -- migrated one stays empty for db:import); the row is written only when the basis changes.
  IF cut IS DISTINCT FROM "archive_series_readiness_cut_over"() THEN
    INSERT INTO "app_setting" ("key", "value", "updated_at") VALUES ('overview.readiness_basis', to_jsonb(to_char(cut, 'YYYY-MM-DD')), now())
    ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updated_at" = EXCLUDED."updated_at";
  END IF;
  DELETE FROM "archive_series_readiness_count";
  INSERT INTO "archive_series_readiness_count" ("municipality_id", "status", "succeeded", "count")
  SELECT a."municipality_id", a."status", COALESCE(n."id" IS NOT NULL AND n."deleted_at" IS NULL AND n."period_start" >= cut, false), count(*)::int
  FROM "archive_series" a LEFT JOIN "archive_series" n ON n."id" = a."successor_id"
  WHERE a."deleted_at" IS NULL AND NOT a."is_continuous" AND a."period_start" < cut
  GROUP BY 1, 2, 3;
END;
$$;

-- Inserted series: add each counted one with its successor as it is now. (A series inserted
-- cannot already be some older series' successor: the foreign key wants it to exist first.)
CREATE FUNCTION "archive_series_readiness_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cut date := "archive_series_readiness_cut_over"();
BEGIN
  INSERT INTO "archive_series_readiness_count" AS r ("municipality_id", "status", "succeeded", "count")
  SELECT a."municipality_id", a."status", COALESCE(n."id" IS NOT NULL AND n."deleted_at" IS NULL AND n."period_start" >= cut, false), count(*)::int
  FROM new_rows a LEFT JOIN "archive_series" n ON n."id" = a."successor_id"
  WHERE a."deleted_at" IS NULL AND NOT a."is_continuous" AND a."period_start" < cut
  GROUP BY 1, 2, 3
  ON CONFLICT ON CONSTRAINT "archive_series_readiness_count_pkey" DO UPDATE SET "count" = r."count" + EXCLUDED."count";
  RETURN NULL;
END;
$$;

-- Updated series: a series' contribution depends on its own row and on its successor's, so the
-- rows affected are the updated ones and the (unchanged) series whose successor was updated.
-- Subtract each affected row as it was (an updated row from old_rows, an unchanged one as it is;
-- its successor from old_rows when the successor was updated, else as it is), add each as it is
-- now. Plain joins, no per-row probe of the transition tables: a bulk update stays linear.
CREATE FUNCTION "archive_series_readiness_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cut date := "archive_series_readiness_cut_over"();
BEGIN
  INSERT INTO "archive_series_readiness_count" AS r ("municipality_id", "status", "succeeded", "count")
  SELECT d."municipality_id", d."status", d."succeeded", sum(d."delta")::int
  FROM (
    SELECT a."municipality_id", a."status", COALESCE(n."id" IS NOT NULL AND n."deleted_at" IS NULL AND n."period_start" >= cut, false) AS "succeeded", 1 AS "delta"
    FROM "archive_series" a LEFT JOIN "archive_series" n ON n."id" = a."successor_id"
    WHERE (a."id" IN (SELECT "id" FROM new_rows) OR a."successor_id" IN (SELECT "id" FROM new_rows))
      AND a."deleted_at" IS NULL AND NOT a."is_continuous" AND a."period_start" < cut
    UNION ALL
    SELECT a."municipality_id", a."status",
      COALESCE(CASE WHEN o."id" IS NOT NULL THEN o."deleted_at" IS NULL AND o."period_start" >= cut
                    ELSE n."id" IS NOT NULL AND n."deleted_at" IS NULL AND n."period_start" >= cut END, false),
      -1
    FROM (
      SELECT "municipality_id", "status", "successor_id", "deleted_at", "is_continuous", "period_start" FROM old_rows
      UNION ALL
      SELECT p."municipality_id", p."status", p."successor_id", p."deleted_at", p."is_continuous", p."period_start"
      FROM "archive_series" p
      WHERE p."successor_id" IN (SELECT "id" FROM new_rows) AND NOT EXISTS (SELECT 1 FROM new_rows c WHERE c."id" = p."id")
    ) a
    LEFT JOIN old_rows o ON o."id" = a."successor_id"
    LEFT JOIN "archive_series" n ON n."id" = a."successor_id"
    WHERE a."deleted_at" IS NULL AND NOT a."is_continuous" AND a."period_start" < cut
  ) d
  GROUP BY 1, 2, 3
  HAVING sum(d."delta") <> 0
  ON CONFLICT ON CONSTRAINT "archive_series_readiness_count_pkey" DO UPDATE SET "count" = r."count" + EXCLUDED."count";
  DELETE FROM "archive_series_readiness_count" WHERE "count" <= 0;
  RETURN NULL;
END;
$$;

-- Deleted series (rare: the product soft-deletes): recount. A hard delete sets the successor of
-- the series that named the deleted one to NULL through the foreign key, in a nested update that
-- no longer sees the deleted row, so no delta could be right for those predecessors.
CREATE FUNCTION "archive_series_readiness_recount"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "archive_series_readiness_rebuild"("archive_series_readiness_cut_over"());
  RETURN NULL;
END;
$$;

CREATE TRIGGER "archive_series_readiness_insert" AFTER INSERT ON "archive_series"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "archive_series_readiness_insert"();
CREATE TRIGGER "archive_series_readiness_update" AFTER UPDATE ON "archive_series"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "archive_series_readiness_update"();
CREATE TRIGGER "archive_series_readiness_delete" AFTER DELETE ON "archive_series"
  FOR EACH STATEMENT EXECUTE FUNCTION "archive_series_readiness_recount"();
CREATE TRIGGER "archive_series_readiness_truncate" AFTER TRUNCATE ON "archive_series"
  FOR EACH STATEMENT EXECUTE FUNCTION "archive_series_readiness_recount"();

SELECT "archive_series_readiness_rebuild"("samarkiv_setting_date"('overview.cut_over_date', DATE '2026-01-01'));
