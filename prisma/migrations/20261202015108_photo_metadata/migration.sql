-- Photo details kept on the library record, a free-form credit and a crop (issue 15).
ALTER TABLE "ArticleImage" ADD COLUMN "creditLine" TEXT;
ALTER TABLE "Image" ADD COLUMN "creditLine" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Image" ADD COLUMN "dateTaken" DATETIME;
ALTER TABLE "Image" ADD COLUMN "detailsConfirmed" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Image" ADD COLUMN "cropX" REAL NOT NULL DEFAULT 0;
ALTER TABLE "Image" ADD COLUMN "cropY" REAL NOT NULL DEFAULT 0;
ALTER TABLE "Image" ADD COLUMN "cropW" REAL NOT NULL DEFAULT 1;
ALTER TABLE "Image" ADD COLUMN "cropH" REAL NOT NULL DEFAULT 1;
