-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'WIRE_UPDATED';
