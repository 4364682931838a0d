-- CreateTable
CREATE TABLE "SourceCapture" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "finalUrl" TEXT,
    "contentType" TEXT,
    "sha256" TEXT,
    "warcKey" TEXT,
    "bytes" INTEGER,
    "title" TEXT,
    "text" TEXT,
    "error" TEXT,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestedById" TEXT,
    CONSTRAINT "SourceCapture_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "verdict" TEXT NOT NULL DEFAULT 'OK',
    "verdictAt" DATETIME,
    "detail" TEXT NOT NULL DEFAULT '',
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastStatus" INTEGER,
    "lastFinalUrl" TEXT,
    "similarity" REAL,
    "lastCheckedAt" DATETIME,
    "nextCheckAt" DATETIME NOT NULL,
    "seenAt" DATETIME,
    "seenById" TEXT,
    CONSTRAINT "SourceCheck_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SourceCapture_articleId_url_fetchedAt_idx" ON "SourceCapture"("articleId", "url", "fetchedAt");

-- CreateIndex
CREATE INDEX "SourceCheck_nextCheckAt_idx" ON "SourceCheck"("nextCheckAt");

-- CreateIndex
CREATE INDEX "SourceCheck_verdict_seenAt_idx" ON "SourceCheck"("verdict", "seenAt");

-- CreateIndex
CREATE UNIQUE INDEX "SourceCheck_articleId_url_key" ON "SourceCheck"("articleId", "url");
