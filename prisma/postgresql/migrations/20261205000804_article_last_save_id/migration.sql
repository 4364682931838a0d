-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "lastSaveId" TEXT;
