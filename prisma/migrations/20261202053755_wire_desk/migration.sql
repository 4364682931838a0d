-- CreateTable
CREATE TABLE "WireItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "guid" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "agency" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "bodyText" TEXT NOT NULL DEFAULT '',
    "byline" TEXT NOT NULL DEFAULT '',
    "dateline" TEXT NOT NULL DEFAULT '',
    "priority" INTEGER,
    "urgency" INTEGER,
    "embargoAt" DATETIME,
    "language" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "status" TEXT NOT NULL DEFAULT 'USABLE',
    "statusNote" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "versionAt" DATETIME,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changes" JSONB,
    "raw" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "WireItemVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "headline" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "embargoAt" DATETIME,
    "changes" JSONB,
    "raw" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WireItemVersion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "WireItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WirePhoto" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "href" TEXT NOT NULL DEFAULT '',
    "caption" TEXT NOT NULL DEFAULT '',
    "credit" TEXT NOT NULL DEFAULT '',
    "rights" TEXT NOT NULL DEFAULT '',
    "altText" TEXT NOT NULL DEFAULT '',
    "mimeType" TEXT NOT NULL DEFAULT '',
    "data" BLOB,
    CONSTRAINT "WirePhoto_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "WireItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WireTake" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "articleId" TEXT NOT NULL,
    "takenById" TEXT,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WireTake_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "WireItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WireFeed" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "intervalMin" INTEGER NOT NULL DEFAULT 15,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "etag" TEXT,
    "lastModified" TEXT,
    "nextFetchAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFetchedAt" DATETIME,
    "lastStatus" TEXT NOT NULL DEFAULT '',
    "lastError" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "WireItem_guid_key" ON "WireItem"("guid");

-- CreateIndex
CREATE INDEX "WireItem_receivedAt_idx" ON "WireItem"("receivedAt");

-- CreateIndex
CREATE INDEX "WireItem_agency_receivedAt_idx" ON "WireItem"("agency", "receivedAt");

-- CreateIndex
CREATE INDEX "WireItem_status_idx" ON "WireItem"("status");

-- CreateIndex
CREATE UNIQUE INDEX "WireItemVersion_itemId_version_key" ON "WireItemVersion"("itemId", "version");

-- CreateIndex
CREATE INDEX "WirePhoto_itemId_position_idx" ON "WirePhoto"("itemId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "WireTake_articleId_key" ON "WireTake"("articleId");

-- CreateIndex
CREATE INDEX "WireTake_itemId_idx" ON "WireTake"("itemId");

-- CreateIndex
CREATE INDEX "WireFeed_enabled_nextFetchAt_idx" ON "WireFeed"("enabled", "nextFetchAt");
