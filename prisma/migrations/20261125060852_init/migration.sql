-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "MunicipalityRole" AS ENUM ('HOST', 'PARTNER');

-- CreateEnum
CREATE TYPE "ArchiveSeriesStatus" AS ENUM ('AKTIV_PERIODE', 'OVERLAPPINGSPERIODE', 'AVSLUTTET_PERIODE', 'UAKTUELLE_MAPPER');

-- CreateEnum
CREATE TYPE "DocumentMedium" AS ENUM ('FYSISK', 'ELEKTRONISK', 'BLANDET');

-- CreateEnum
CREATE TYPE "RetentionDecision" AS ENUM ('BEVARES', 'KASSERES', 'VURDERES_SENERE');

-- CreateEnum
CREATE TYPE "DepositStatus" AS ENUM ('IKKE_AVLEVERT', 'DEPONERT', 'AVLEVERT');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "ScaleAxis" AS ENUM ('LIKELIHOOD', 'CONSEQUENCE');

-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('OPEN', 'MONITORING', 'ACCEPTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "TreatmentStrategy" AS ENUM ('REDUCE', 'ACCEPT', 'AVOID', 'TRANSFER');

-- CreateEnum
CREATE TYPE "KnowledgeStrength" AS ENUM ('WEAK', 'MODERATE', 'STRONG');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "FindingKind" AS ENUM ('SUCCESS_FACTOR', 'VULNERABILITY', 'STRENGTH', 'OPPORTUNITY', 'INSIGHT_NEED', 'LESSON', 'PRIORITY');

-- CreateEnum
CREATE TYPE "SuccessFactorStatus" AS ENUM ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'ACHIEVED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'SEASON', 'YEAR', 'RANGE');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('DECISION', 'AGREEMENT', 'ANALYSIS', 'HIRING', 'OPERATION', 'EVALUATION', 'PROCUREMENT', 'PREPARATION');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('PLANNED', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'COORDINATOR', 'ARCHIVIST', 'VIEWER');

-- CreateTable
CREATE TABLE "municipality" (
    "id" SERIAL NOT NULL,
    "number" CHAR(4) NOT NULL,
    "name" TEXT NOT NULL,
    "role" "MunicipalityRole" NOT NULL DEFAULT 'PARTNER',
    "participates" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "archive" (
    "id" SERIAL NOT NULL,
    "municipality_id" INTEGER NOT NULL,
    "system_id" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "document_medium" "DocumentMedium",
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "archive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "archive_creator" (
    "id" SERIAL NOT NULL,
    "municipality_id" INTEGER NOT NULL,
    "archive_id" INTEGER,
    "creator_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "archive_creator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "archive_series" (
    "id" SERIAL NOT NULL,
    "municipality_id" INTEGER NOT NULL,
    "archive_id" INTEGER,
    "archive_creator_id" INTEGER,
    "system_id" TEXT,
    "identifier" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "title_sort_key" TEXT NOT NULL,
    "description" TEXT,
    "status" "ArchiveSeriesStatus" NOT NULL,
    "document_medium" "DocumentMedium" NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE,
    "is_continuous" BOOLEAN NOT NULL DEFAULT false,
    "predecessor_id" INTEGER,
    "successor_id" INTEGER,
    "classification_type" TEXT,
    "retention_decision" "RetentionDecision",
    "retention_years" INTEGER,
    "retention_basis" TEXT,
    "access_restriction" TEXT,
    "restriction_basis" TEXT,
    "storage_location" TEXT,
    "extent_files" INTEGER,
    "extent_records" INTEGER,
    "extent_shelf_metres" DECIMAL(9,2),
    "system" TEXT,
    "deposit_status" "DepositStatus" NOT NULL DEFAULT 'IKKE_AVLEVERT',
    "deposit_date" DATE,
    "target_series_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "archive_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "target_series" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "title_sort_key" TEXT NOT NULL,
    "description" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "target_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "acceptance_criteria" (
    "id" SERIAL NOT NULL,
    "valid_from" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "acceptance_criteria_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "acceptance_cell" (
    "criteria_id" INTEGER NOT NULL,
    "likelihood" SMALLINT NOT NULL,
    "consequence" SMALLINT NOT NULL,
    "level" "RiskLevel" NOT NULL,

    CONSTRAINT "acceptance_cell_pkey" PRIMARY KEY ("criteria_id","likelihood","consequence")
);

-- CreateTable
CREATE TABLE "scale_level" (
    "criteria_id" INTEGER NOT NULL,
    "axis" "ScaleAxis" NOT NULL,
    "level" SMALLINT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "scale_level_pkey" PRIMARY KEY ("criteria_id","axis","level")
);

-- CreateTable
CREATE TABLE "risk_area" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "risk_area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "short_title" TEXT,
    "cause" TEXT,
    "event" TEXT,
    "consequence" TEXT,
    "area_id" INTEGER NOT NULL,
    "applies_to_all" BOOLEAN NOT NULL DEFAULT false,
    "owner_id" INTEGER,
    "owner_name" TEXT,
    "status" "RiskStatus" NOT NULL DEFAULT 'OPEN',
    "treatment_strategy" "TreatmentStrategy",
    "inherent_likelihood" SMALLINT NOT NULL,
    "inherent_consequence" SMALLINT NOT NULL,
    "residual_likelihood" SMALLINT,
    "residual_consequence" SMALLINT,
    "source_score" INTEGER,
    "is_demo_assessment" BOOLEAN NOT NULL DEFAULT false,
    "knowledge_strength" "KnowledgeStrength",
    "next_review_date" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_municipality" (
    "risk_id" INTEGER NOT NULL,
    "municipality_id" INTEGER NOT NULL,

    CONSTRAINT "risk_municipality_pkey" PRIMARY KEY ("risk_id","municipality_id")
);

-- CreateTable
CREATE TABLE "risk_assessment" (
    "id" SERIAL NOT NULL,
    "risk_id" INTEGER NOT NULL,
    "assessed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assessed_by_id" INTEGER,
    "inherent_likelihood" SMALLINT NOT NULL,
    "inherent_consequence" SMALLINT NOT NULL,
    "residual_likelihood" SMALLINT,
    "residual_consequence" SMALLINT,
    "status" "RiskStatus" NOT NULL,
    "comment" TEXT,
    "is_demo_assessment" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "risk_assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure" (
    "id" SERIAL NOT NULL,
    "risk_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "owner_id" INTEGER,
    "owner_name" TEXT,
    "deadline" DATE,
    "status" "MeasureStatus" NOT NULL DEFAULT 'PLANNED',
    "completed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding" (
    "id" SERIAL NOT NULL,
    "kind" "FindingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "SuccessFactorStatus",
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding_risk" (
    "finding_id" INTEGER NOT NULL,
    "risk_id" INTEGER NOT NULL,

    CONSTRAINT "finding_risk_pkey" PRIMARY KEY ("finding_id","risk_id")
);

-- CreateTable
CREATE TABLE "purpose" (
    "id" SERIAL NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "purpose_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phase" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "date_start" DATE NOT NULL,
    "date_end" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "phase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "milestone" (
    "id" SERIAL NOT NULL,
    "phase_id" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "date_start" DATE NOT NULL,
    "date_end" DATE NOT NULL,
    "date_precision" "DatePrecision" NOT NULL,
    "date_note" TEXT,
    "kind" "MilestoneKind" NOT NULL,
    "deciding_body" TEXT,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'PLANNED',
    "case_reference" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "email" TEXT,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "last_sign_in_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "municipality_id" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "client_address" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id_hash")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "request_id" TEXT,
    "client_address" TEXT,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "municipality_number_key" ON "municipality"("number");

-- CreateIndex
CREATE INDEX "archive_municipality_id_idx" ON "archive"("municipality_id");

-- CreateIndex
CREATE UNIQUE INDEX "archive_municipality_id_system_id_key" ON "archive"("municipality_id", "system_id");

-- CreateIndex
CREATE INDEX "archive_creator_archive_id_idx" ON "archive_creator"("archive_id");

-- CreateIndex
CREATE UNIQUE INDEX "archive_creator_municipality_id_creator_id_key" ON "archive_creator"("municipality_id", "creator_id");

-- CreateIndex
CREATE INDEX "archive_series_identifier_id_idx" ON "archive_series"("identifier", "id");

-- CreateIndex
CREATE INDEX "archive_series_title_sort_key_id_idx" ON "archive_series"("title_sort_key", "id");

-- CreateIndex
CREATE INDEX "archive_series_status_id_idx" ON "archive_series"("status", "id");

-- CreateIndex
CREATE INDEX "archive_series_document_medium_id_idx" ON "archive_series"("document_medium", "id");

-- CreateIndex
CREATE INDEX "archive_series_period_start_id_idx" ON "archive_series"("period_start", "id");

-- CreateIndex
CREATE INDEX "archive_series_updated_at_id_idx" ON "archive_series"("updated_at", "id");

-- CreateIndex
CREATE INDEX "archive_series_municipality_id_identifier_id_idx" ON "archive_series"("municipality_id", "identifier", "id");

-- CreateIndex
CREATE INDEX "archive_series_municipality_id_title_sort_key_id_idx" ON "archive_series"("municipality_id", "title_sort_key", "id");

-- CreateIndex
CREATE INDEX "archive_series_municipality_id_status_id_idx" ON "archive_series"("municipality_id", "status", "id");

-- CreateIndex
CREATE INDEX "archive_series_municipality_id_period_start_id_idx" ON "archive_series"("municipality_id", "period_start", "id");

-- CreateIndex
CREATE INDEX "archive_series_retention_decision_idx" ON "archive_series"("retention_decision");

-- CreateIndex
CREATE INDEX "archive_series_classification_type_idx" ON "archive_series"("classification_type");

-- CreateIndex
CREATE INDEX "archive_series_access_restriction_idx" ON "archive_series"("access_restriction");

-- CreateIndex
CREATE INDEX "archive_series_system_idx" ON "archive_series"("system");

-- CreateIndex
CREATE INDEX "archive_series_target_series_id_idx" ON "archive_series"("target_series_id");

-- CreateIndex
CREATE INDEX "archive_series_archive_creator_id_idx" ON "archive_series"("archive_creator_id");

-- CreateIndex
CREATE INDEX "archive_series_archive_id_idx" ON "archive_series"("archive_id");

-- CreateIndex
CREATE INDEX "archive_series_predecessor_id_idx" ON "archive_series"("predecessor_id");

-- CreateIndex
CREATE INDEX "archive_series_successor_id_idx" ON "archive_series"("successor_id");

-- CreateIndex
CREATE INDEX "archive_series_title_trgm_idx" ON "archive_series" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "archive_series_identifier_trgm_idx" ON "archive_series" USING GIN ("identifier" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "archive_series_municipality_id_identifier_key" ON "archive_series"("municipality_id", "identifier");

-- CreateIndex
CREATE UNIQUE INDEX "archive_series_municipality_id_system_id_key" ON "archive_series"("municipality_id", "system_id");

-- CreateIndex
CREATE UNIQUE INDEX "target_series_code_key" ON "target_series"("code");

-- CreateIndex
CREATE UNIQUE INDEX "acceptance_criteria_valid_from_key" ON "acceptance_criteria"("valid_from");

-- CreateIndex
CREATE UNIQUE INDEX "risk_area_code_key" ON "risk_area"("code");

-- CreateIndex
CREATE UNIQUE INDEX "risk_reference_key" ON "risk"("reference");

-- CreateIndex
CREATE INDEX "risk_area_id_idx" ON "risk"("area_id");

-- CreateIndex
CREATE INDEX "risk_owner_id_idx" ON "risk"("owner_id");

-- CreateIndex
CREATE INDEX "risk_status_idx" ON "risk"("status");

-- CreateIndex
CREATE INDEX "risk_municipality_municipality_id_idx" ON "risk_municipality"("municipality_id");

-- CreateIndex
CREATE INDEX "risk_assessment_risk_id_assessed_at_idx" ON "risk_assessment"("risk_id", "assessed_at");

-- CreateIndex
CREATE INDEX "risk_assessment_assessed_at_idx" ON "risk_assessment"("assessed_at");

-- CreateIndex
CREATE INDEX "measure_risk_id_idx" ON "measure"("risk_id");

-- CreateIndex
CREATE INDEX "measure_deadline_status_idx" ON "measure"("deadline", "status");

-- CreateIndex
CREATE INDEX "measure_owner_id_idx" ON "measure"("owner_id");

-- CreateIndex
CREATE INDEX "finding_kind_sort_order_idx" ON "finding"("kind", "sort_order");

-- CreateIndex
CREATE INDEX "finding_risk_risk_id_idx" ON "finding_risk"("risk_id");

-- CreateIndex
CREATE UNIQUE INDEX "purpose_ordinal_key" ON "purpose"("ordinal");

-- CreateIndex
CREATE INDEX "phase_date_start_idx" ON "phase"("date_start");

-- CreateIndex
CREATE INDEX "milestone_phase_id_idx" ON "milestone"("phase_id");

-- CreateIndex
CREATE INDEX "milestone_date_start_idx" ON "milestone"("date_start");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "membership_municipality_id_idx" ON "membership"("municipality_id");

-- CreateIndex
CREATE UNIQUE INDEX "membership_user_id_municipality_id_key" ON "membership"("user_id", "municipality_id");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_id_idx" ON "audit_event"("entity_type", "entity_id", "id");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_id_idx" ON "audit_event"("actor_id", "id");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_id_idx" ON "audit_event"("occurred_at", "id");

-- AddForeignKey
ALTER TABLE "archive" ADD CONSTRAINT "archive_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_creator" ADD CONSTRAINT "archive_creator_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_creator" ADD CONSTRAINT "archive_creator_archive_id_fkey" FOREIGN KEY ("archive_id") REFERENCES "archive"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_series" ADD CONSTRAINT "archive_series_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_series" ADD CONSTRAINT "archive_series_archive_id_fkey" FOREIGN KEY ("archive_id") REFERENCES "archive"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_series" ADD CONSTRAINT "archive_series_archive_creator_id_fkey" FOREIGN KEY ("archive_creator_id") REFERENCES "archive_creator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_series" ADD CONSTRAINT "archive_series_target_series_id_fkey" FOREIGN KEY ("target_series_id") REFERENCES "target_series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_series" ADD CONSTRAINT "archive_series_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "archive_series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "archive_series" ADD CONSTRAINT "archive_series_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "archive_series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acceptance_criteria" ADD CONSTRAINT "acceptance_criteria_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "acceptance_cell" ADD CONSTRAINT "acceptance_cell_criteria_id_fkey" FOREIGN KEY ("criteria_id") REFERENCES "acceptance_criteria"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scale_level" ADD CONSTRAINT "scale_level_criteria_id_fkey" FOREIGN KEY ("criteria_id") REFERENCES "acceptance_criteria"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk" ADD CONSTRAINT "risk_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "risk_area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk" ADD CONSTRAINT "risk_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_municipality" ADD CONSTRAINT "risk_municipality_risk_id_fkey" FOREIGN KEY ("risk_id") REFERENCES "risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_municipality" ADD CONSTRAINT "risk_municipality_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_risk_id_fkey" FOREIGN KEY ("risk_id") REFERENCES "risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_assessment" ADD CONSTRAINT "risk_assessment_assessed_by_id_fkey" FOREIGN KEY ("assessed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_risk_id_fkey" FOREIGN KEY ("risk_id") REFERENCES "risk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_risk" ADD CONSTRAINT "finding_risk_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_risk" ADD CONSTRAINT "finding_risk_risk_id_fkey" FOREIGN KEY ("risk_id") REFERENCES "risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_phase_id_fkey" FOREIGN KEY ("phase_id") REFERENCES "phase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: what schema.prisma cannot express. Invisible to the drift check, so
-- packages/db/src/constraints.test.ts proves that each of these exists and bites.
-- ---------------------------------------------------------------------------

-- Official municipality numbers have four digits; the cooperation has one host.
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_number_format" CHECK ("number" ~ '^[0-9]{4}$');
CREATE UNIQUE INDEX "municipality_single_host" ON "municipality" (("role")) WHERE "role" = 'HOST' AND "deleted_at" IS NULL;

-- Likelihood and consequence are 1..5; a residual assessment has both parts or neither.
ALTER TABLE "risk"
  ADD CONSTRAINT "risk_inherent_range" CHECK ("inherent_likelihood" BETWEEN 1 AND 5 AND "inherent_consequence" BETWEEN 1 AND 5),
  ADD CONSTRAINT "risk_residual_range" CHECK ("residual_likelihood" BETWEEN 1 AND 5 AND "residual_consequence" BETWEEN 1 AND 5),
  ADD CONSTRAINT "risk_residual_complete" CHECK (("residual_likelihood" IS NULL) = ("residual_consequence" IS NULL)),
  ADD CONSTRAINT "risk_source_score_range" CHECK ("source_score" >= 0),
  ADD CONSTRAINT "risk_version_positive" CHECK ("version" >= 1);
ALTER TABLE "risk_assessment"
  ADD CONSTRAINT "risk_assessment_inherent_range" CHECK ("inherent_likelihood" BETWEEN 1 AND 5 AND "inherent_consequence" BETWEEN 1 AND 5),
  ADD CONSTRAINT "risk_assessment_residual_range" CHECK ("residual_likelihood" BETWEEN 1 AND 5 AND "residual_consequence" BETWEEN 1 AND 5),
  ADD CONSTRAINT "risk_assessment_residual_complete" CHECK (("residual_likelihood" IS NULL) = ("residual_consequence" IS NULL));
ALTER TABLE "acceptance_cell" ADD CONSTRAINT "acceptance_cell_range" CHECK ("likelihood" BETWEEN 1 AND 5 AND "consequence" BETWEEN 1 AND 5);
ALTER TABLE "scale_level" ADD CONSTRAINT "scale_level_range" CHECK ("level" BETWEEN 1 AND 5);

-- A measure is done exactly when it has a completion time.
ALTER TABLE "measure" ADD CONSTRAINT "measure_done_has_completion" CHECK (("status" = 'DONE') = ("completed_at" IS NOT NULL));

-- Only success factors carry a status, and every success factor has one.
ALTER TABLE "finding" ADD CONSTRAINT "finding_status_only_success_factor" CHECK (("kind" = 'SUCCESS_FACTOR') = ("status" IS NOT NULL));

-- Dates with a precision: the window is never inverted, and a day is one day.
ALTER TABLE "phase" ADD CONSTRAINT "phase_date_window" CHECK ("date_end" >= "date_start" AND ("date_precision" <> 'DAY' OR "date_end" = "date_start"));
ALTER TABLE "milestone" ADD CONSTRAINT "milestone_date_window" CHECK ("date_end" >= "date_start" AND ("date_precision" <> 'DAY' OR "date_end" = "date_start"));

-- Archive series: a period runs forwards, extents and retention are not negative, a deposit
-- has a date, and a series is not its own predecessor or successor.
ALTER TABLE "archive_series"
  ADD CONSTRAINT "archive_series_period_order" CHECK ("period_end" IS NULL OR "period_end" >= "period_start"),
  ADD CONSTRAINT "archive_series_extent_non_negative" CHECK (COALESCE("extent_files", 0) >= 0 AND COALESCE("extent_records", 0) >= 0 AND COALESCE("extent_shelf_metres", 0) >= 0),
  ADD CONSTRAINT "archive_series_retention_years_non_negative" CHECK ("retention_years" IS NULL OR "retention_years" >= 0),
  ADD CONSTRAINT "archive_series_deposit_dated" CHECK (("deposit_status" = 'IKKE_AVLEVERT') = ("deposit_date" IS NULL)),
  ADD CONSTRAINT "archive_series_not_own_neighbour" CHECK ("predecessor_id" IS DISTINCT FROM "id" AND "successor_id" IS DISTINCT FROM "id"),
  ADD CONSTRAINT "archive_series_version_positive" CHECK ("version" >= 1);

-- Keyset pagination over nullable sort columns: a row-value comparison would skip NULLs, so
-- these sort through a non-null key (an open period sorts last, a missing value first).
CREATE INDEX "archive_series_period_end_key" ON "archive_series" ((COALESCE("period_end", 'infinity'::date)), "id");
CREATE INDEX "archive_series_municipality_period_end_key" ON "archive_series" ("municipality_id", (COALESCE("period_end", 'infinity'::date)), "id");
CREATE INDEX "archive_series_system_key" ON "archive_series" ((COALESCE("system", '')), "id");
CREATE INDEX "archive_series_classification_key" ON "archive_series" ((COALESCE("classification_type", '')), "id");
-- Most series queries leave out soft-deleted rows.
CREATE INDEX "archive_series_live_municipality" ON "archive_series" ("municipality_id", "id") WHERE "deleted_at" IS NULL;

-- The audit trail is append-only. The one permitted change is blanking a client address
-- (personal data) after its retention period.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit events cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."client_address" IS NULL
     AND (NEW."id", NEW."occurred_at", NEW."actor_id", NEW."action", NEW."entity_type", NEW."entity_id", NEW."before"::text, NEW."after"::text, NEW."request_id")
         IS NOT DISTINCT FROM
         (OLD."id", OLD."occurred_at", OLD."actor_id", OLD."action", OLD."entity_type", OLD."entity_id", OLD."before"::text, OLD."after"::text, OLD."request_id") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events cannot be changed' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE FUNCTION "audit_event_no_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events cannot be deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_no_truncate"();
