-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "cancelledById" TEXT,
ADD COLUMN     "startedAt" TIMESTAMP(3);
