-- CreateEnum
CREATE TYPE "ImportJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "import_job" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "status" "ImportJobStatus" NOT NULL DEFAULT 'QUEUED',
    "municipality_id" INTEGER,
    "created_by_id" INTEGER NOT NULL,
    "upload_id" TEXT NOT NULL,
    "uttrekk_upload_id" TEXT,
    "bytes_read" BIGINT NOT NULL DEFAULT 0,
    "bytes_total" BIGINT NOT NULL DEFAULT 0,
    "report" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_job_created_by_id_id_idx" ON "import_job"("created_by_id", "id");

-- CreateIndex
CREATE INDEX "import_job_status_heartbeat_at_idx" ON "import_job"("status", "heartbeat_at");

-- CreateIndex
CREATE INDEX "import_job_municipality_id_idx" ON "import_job"("municipality_id");

-- AddForeignKey
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_job" ADD CONSTRAINT "import_job_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
