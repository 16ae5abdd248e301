-- CreateEnum
CREATE TYPE "CostSharingKey" AS ENUM ('POPULATION', 'VOLUME', 'FIXED');

-- CreateEnum
CREATE TYPE "ServiceStatus" AS ENUM ('PLANNED', 'ACTIVE', 'DISCONTINUED');

-- CreateEnum
CREATE TYPE "BenefitType" AS ENUM ('EFFICIENCY', 'QUALITY', 'OTHER');

-- CreateEnum
CREATE TYPE "BenefitDirection" AS ENUM ('LOWER_IS_BETTER', 'HIGHER_IS_BETTER');

-- CreateTable
CREATE TABLE "service" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "name_sort_key" TEXT NOT NULL,
    "description" TEXT,
    "service_level" TEXT,
    "cost_sharing_key" "CostSharingKey" NOT NULL,
    "contact" TEXT,
    "status" "ServiceStatus" NOT NULL DEFAULT 'ACTIVE',
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_municipality" (
    "service_id" INTEGER NOT NULL,
    "municipality_id" INTEGER NOT NULL,

    CONSTRAINT "service_municipality_pkey" PRIMARY KEY ("service_id","municipality_id")
);

-- CreateTable
CREATE TABLE "benefit" (
    "id" SERIAL NOT NULL,
    "purpose_id" INTEGER NOT NULL,
    "municipality_id" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "type" "BenefitType" NOT NULL,
    "owner_name" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "BenefitDirection" NOT NULL,
    "baseline_value" DOUBLE PRECISION NOT NULL,
    "baseline_date" DATE NOT NULL,
    "target_value" DOUBLE PRECISION NOT NULL,
    "target_date" DATE NOT NULL,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "benefit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "benefit_measurement" (
    "id" SERIAL NOT NULL,
    "benefit_id" INTEGER NOT NULL,
    "measured_on" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "recorded_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "benefit_measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operating_figure" (
    "id" SERIAL NOT NULL,
    "municipality_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "incoming_post" INTEGER,
    "journal_entries" INTEGER,
    "median_registration_days" DOUBLE PRECISION,
    "overdue_items" INTEGER,
    "digital_outgoing_percent" DOUBLE PRECISION,
    "is_demo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "operating_figure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "service_name_sort_key_id_idx" ON "service"("name_sort_key", "id");

-- CreateIndex
CREATE INDEX "service_municipality_municipality_id_idx" ON "service_municipality"("municipality_id");

-- CreateIndex
CREATE INDEX "benefit_purpose_id_idx" ON "benefit"("purpose_id");

-- CreateIndex
CREATE INDEX "benefit_municipality_id_idx" ON "benefit"("municipality_id");

-- CreateIndex
CREATE INDEX "benefit_measurement_benefit_id_measured_on_idx" ON "benefit_measurement"("benefit_id", "measured_on");

-- CreateIndex
CREATE INDEX "operating_figure_month_idx" ON "operating_figure"("month");

-- CreateIndex
CREATE UNIQUE INDEX "operating_figure_municipality_id_month_key" ON "operating_figure"("municipality_id", "month");

-- AddForeignKey
ALTER TABLE "service_municipality" ADD CONSTRAINT "service_municipality_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_municipality" ADD CONSTRAINT "service_municipality_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "benefit" ADD CONSTRAINT "benefit_purpose_id_fkey" FOREIGN KEY ("purpose_id") REFERENCES "purpose"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "benefit" ADD CONSTRAINT "benefit_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "benefit_measurement" ADD CONSTRAINT "benefit_measurement_benefit_id_fkey" FOREIGN KEY ("benefit_id") REFERENCES "benefit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "benefit_measurement" ADD CONSTRAINT "benefit_measurement_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operating_figure" ADD CONSTRAINT "operating_figure_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: what schema.prisma cannot express (invisible to the drift check;
-- packages/db/src/constraints.test.ts proves each exists and bites).
-- ---------------------------------------------------------------------------

-- A live service's name is unique, whatever its case; deleting one frees its name. On the sort
-- key (lower-cased in the application, æ, ø, å included), since lower() under the C collation
-- leaves Æ, Ø, Å as they are.
CREATE UNIQUE INDEX "service_live_name_key" ON "service" ("name_sort_key") WHERE "deleted_at" IS NULL;
ALTER TABLE "service" ADD CONSTRAINT "service_version_positive" CHECK ("version" >= 1);

-- A benefit runs from its baseline to a later target, and the target differs from the baseline
-- (the straight line between them is what "on track" is measured against).
ALTER TABLE "benefit"
  ADD CONSTRAINT "benefit_target_after_baseline" CHECK ("target_date" > "baseline_date"),
  ADD CONSTRAINT "benefit_target_differs" CHECK ("target_value" <> "baseline_value"),
  ADD CONSTRAINT "benefit_values_finite" CHECK ("baseline_value" NOT IN ('NaN', 'Infinity', '-Infinity') AND "target_value" NOT IN ('NaN', 'Infinity', '-Infinity')),
  ADD CONSTRAINT "benefit_version_positive" CHECK ("version" >= 1);

-- One live measurement per benefit and day.
CREATE UNIQUE INDEX "benefit_measurement_live_day_key" ON "benefit_measurement" ("benefit_id", "measured_on") WHERE "deleted_at" IS NULL;
ALTER TABLE "benefit_measurement" ADD CONSTRAINT "benefit_measurement_value_finite" CHECK ("value" NOT IN ('NaN', 'Infinity', '-Infinity'));

-- A month is stored as its first day; counts are not negative; the digital share is a percentage.
ALTER TABLE "operating_figure"
  ADD CONSTRAINT "operating_figure_first_of_month" CHECK (EXTRACT(DAY FROM "month") = 1),
  ADD CONSTRAINT "operating_figure_counts_non_negative" CHECK ("incoming_post" >= 0 AND "journal_entries" >= 0 AND "overdue_items" >= 0 AND "median_registration_days" >= 0),
  ADD CONSTRAINT "operating_figure_percent_range" CHECK ("digital_outgoing_percent" BETWEEN 0 AND 100),
  ADD CONSTRAINT "operating_figure_version_positive" CHECK ("version" >= 1);
