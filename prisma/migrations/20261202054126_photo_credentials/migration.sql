-- CreateTable
CREATE TABLE "PhotoCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "imageId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "manifestLabel" TEXT NOT NULL DEFAULT '',
    "claimGenerator" TEXT NOT NULL DEFAULT '',
    "signerName" TEXT NOT NULL DEFAULT '',
    "signerOrg" TEXT NOT NULL DEFAULT '',
    "signedAt" DATETIME,
    "actions" JSONB NOT NULL,
    "ingredients" JSONB NOT NULL,
    "manifestCount" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PhotoCredential_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PhotoCredential_imageId_key" ON "PhotoCredential"("imageId");

-- CreateIndex
CREATE INDEX "PhotoCredential_status_idx" ON "PhotoCredential"("status");
