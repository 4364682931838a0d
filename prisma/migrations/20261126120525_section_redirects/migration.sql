-- CreateTable
CREATE TABLE "SectionRedirect" (
    "fromSlug" TEXT NOT NULL PRIMARY KEY,
    "sectionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SectionRedirect_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SectionRedirect_sectionId_idx" ON "SectionRedirect"("sectionId");
