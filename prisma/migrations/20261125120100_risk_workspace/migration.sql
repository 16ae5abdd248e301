-- AlterTable
ALTER TABLE "risk" ADD COLUMN     "acceptance_approver_id" INTEGER,
ADD COLUMN     "acceptance_approver_name" TEXT,
ADD COLUMN     "acceptance_comment" TEXT,
ADD COLUMN     "acceptance_expires_on" DATE,
ADD COLUMN     "accepted_on" DATE,
ADD COLUMN     "consequence_reason" TEXT;

-- CreateTable
CREATE TABLE "consequence_dimension" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "consequence_dimension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_consequence_score" (
    "risk_id" INTEGER NOT NULL,
    "dimension_id" INTEGER NOT NULL,
    "consequence" SMALLINT NOT NULL,

    CONSTRAINT "risk_consequence_score_pkey" PRIMARY KEY ("risk_id","dimension_id")
);

-- CreateTable
CREATE TABLE "risk_baseline" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "taken_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_baseline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "risk_consequence_score_dimension_id_idx" ON "risk_consequence_score"("dimension_id");

-- CreateIndex
CREATE UNIQUE INDEX "risk_baseline_name_key" ON "risk_baseline"("name");

-- CreateIndex
CREATE INDEX "risk_baseline_taken_at_idx" ON "risk_baseline"("taken_at");

-- AddForeignKey
ALTER TABLE "risk" ADD CONSTRAINT "risk_acceptance_approver_id_fkey" FOREIGN KEY ("acceptance_approver_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_consequence_score" ADD CONSTRAINT "risk_consequence_score_risk_id_fkey" FOREIGN KEY ("risk_id") REFERENCES "risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_consequence_score" ADD CONSTRAINT "risk_consequence_score_dimension_id_fkey" FOREIGN KEY ("dimension_id") REFERENCES "consequence_dimension"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_baseline" ADD CONSTRAINT "risk_baseline_taken_by_id_fkey" FOREIGN KEY ("taken_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: what schema.prisma cannot express (invisible to the drift check;
-- packages/db/src/constraints.test.ts proves each exists and bites).
-- ---------------------------------------------------------------------------

-- A live dimension's name is unique, whatever its case; deleting one frees its name.
CREATE UNIQUE INDEX "consequence_dimension_live_name_key" ON "consequence_dimension" ((lower("name"))) WHERE "deleted_at" IS NULL;
ALTER TABLE "consequence_dimension" ADD CONSTRAINT "consequence_dimension_version_positive" CHECK ("version" >= 1);

-- A consequence per dimension is 1..5, like the overall one.
ALTER TABLE "risk_consequence_score" ADD CONSTRAINT "risk_consequence_score_range" CHECK ("consequence" BETWEEN 1 AND 5);

-- A residual acceptance is whole (approver name, accepted and expiry dates) or absent, expires
-- after it was accepted, and accepts a residual assessment that exists.
ALTER TABLE "risk"
  ADD CONSTRAINT "risk_acceptance_complete" CHECK (
    ("accepted_on" IS NULL) = ("acceptance_expires_on" IS NULL)
    AND ("accepted_on" IS NULL) = ("acceptance_approver_name" IS NULL)
    AND ("accepted_on" IS NOT NULL OR ("acceptance_approver_id" IS NULL AND "acceptance_comment" IS NULL))
  ),
  ADD CONSTRAINT "risk_acceptance_expires_after" CHECK ("acceptance_expires_on" > "accepted_on"),
  ADD CONSTRAINT "risk_acceptance_needs_residual" CHECK ("accepted_on" IS NULL OR "residual_likelihood" IS NOT NULL);
