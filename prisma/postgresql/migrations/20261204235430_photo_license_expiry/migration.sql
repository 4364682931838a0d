-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'PHOTO_LICENSE_EXPIRED';

-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "licenseExpiryNoticeAt" TIMESTAMP(3);
