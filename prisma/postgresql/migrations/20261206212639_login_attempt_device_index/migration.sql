-- DropIndex
DROP INDEX "LoginAttempt_email_createdAt_idx";

-- DropIndex
DROP INDEX "LoginAttempt_ip_createdAt_idx";

-- CreateIndex
CREATE INDEX "LoginAttempt_email_device_createdAt_idx" ON "LoginAttempt"("email", "device", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_device_createdAt_idx" ON "LoginAttempt"("ip", "device", "createdAt");
