-- CreateTable
CREATE TABLE "FeedDeparture" (
    "feed" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedDeparture_pkey" PRIMARY KEY ("feed")
);
