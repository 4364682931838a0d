-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'HELD';
