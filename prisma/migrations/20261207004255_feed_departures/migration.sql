-- CreateTable
CREATE TABLE "FeedDeparture" (
    "feed" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL
);
