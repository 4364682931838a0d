-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN "cancelledById" TEXT;
ALTER TABLE "ImportRun" ADD COLUMN "startedAt" DATETIME;
