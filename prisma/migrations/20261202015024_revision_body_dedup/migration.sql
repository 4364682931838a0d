-- AlterTable
ALTER TABLE "Revision" ADD COLUMN "bodyRevisionId" TEXT;
ALTER TABLE "Revision" ADD COLUMN "bodySha" TEXT;

-- CreateIndex
CREATE INDEX "Revision_articleId_bodySha_idx" ON "Revision"("articleId", "bodySha");
