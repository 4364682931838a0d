-- CreateIndex
CREATE INDEX "Article_status_firstPublishedAt_idx" ON "Article"("status", "firstPublishedAt");

-- CreateIndex
CREATE INDEX "Article_sectionId_status_firstPublishedAt_idx" ON "Article"("sectionId", "status", "firstPublishedAt");
