-- AlterTable
ALTER TABLE "Image" ADD COLUMN "licenseExpiryNoticeAt" DATETIME;
