-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN     "device" TEXT NOT NULL DEFAULT '';
