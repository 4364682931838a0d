-- CreateEnum
CREATE TYPE "SourceCaptureState" AS ENUM ('CAPTURED', 'NOARCHIVE', 'OPTED_OUT', 'FAILED');

-- CreateEnum
CREATE TYPE "SourceVerdict" AS ENUM ('OK', 'GONE', 'MOVED', 'CHANGED');

-- CreateTable
CREATE TABLE "SourceCapture" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "state" "SourceCaptureState" NOT NULL,
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
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestedById" TEXT,

    CONSTRAINT "SourceCapture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceCheck" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "verdict" "SourceVerdict" NOT NULL DEFAULT 'OK',
    "verdictAt" TIMESTAMP(3),
    "detail" TEXT NOT NULL DEFAULT '',
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastStatus" INTEGER,
    "lastFinalUrl" TEXT,
    "similarity" DOUBLE PRECISION,
    "lastCheckedAt" TIMESTAMP(3),
    "nextCheckAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3),
    "seenById" TEXT,

    CONSTRAINT "SourceCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourceCapture_articleId_url_fetchedAt_idx" ON "SourceCapture"("articleId", "url", "fetchedAt");

-- CreateIndex
CREATE INDEX "SourceCheck_nextCheckAt_idx" ON "SourceCheck"("nextCheckAt");

-- CreateIndex
CREATE INDEX "SourceCheck_verdict_seenAt_idx" ON "SourceCheck"("verdict", "seenAt");

-- CreateIndex
CREATE UNIQUE INDEX "SourceCheck_articleId_url_key" ON "SourceCheck"("articleId", "url");

-- AddForeignKey
ALTER TABLE "SourceCapture" ADD CONSTRAINT "SourceCapture_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCheck" ADD CONSTRAINT "SourceCheck_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
