-- AlterTable
ALTER TABLE "import_job" ADD COLUMN     "options" JSONB;
