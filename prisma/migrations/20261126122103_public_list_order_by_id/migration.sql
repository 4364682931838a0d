-- DropIndex
DROP INDEX "Article_sectionId_status_firstPublishedAt_idx";

-- DropIndex
DROP INDEX "Article_status_firstPublishedAt_idx";

-- CreateIndex
CREATE INDEX "Article_status_firstPublishedAt_id_idx" ON "Article"("status", "firstPublishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_sectionId_status_firstPublishedAt_id_idx" ON "Article"("sectionId", "status", "firstPublishedAt", "id");
