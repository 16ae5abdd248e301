-- Hand-written: Prisma cannot express INCLUDE or a partial index. The two measures of readiness
-- that the facet summary cannot answer (closed at the cut-over, succeeded) read the live,
-- periodised series of each municipality that began before the cut-over: an index-only range
-- scan of this index per municipality (status and successor in the leaf, not the heap row).
CREATE INDEX "archive_series_readiness_idx" ON "archive_series" ("municipality_id", "period_start") INCLUDE ("status", "successor_id")
  WHERE "deleted_at" IS NULL AND NOT "is_continuous";

-- The successor's period start for "succeeded", probed by id without visiting the heap.
CREATE INDEX "archive_series_live_period_start_idx" ON "archive_series" ("id") INCLUDE ("period_start") WHERE "deleted_at" IS NULL;
