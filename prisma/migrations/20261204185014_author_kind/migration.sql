-- AlterTable (a column with a constant default: SQLite adds it in place)
ALTER TABLE "Author" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'PERSON';

-- The wire desk's "<Agency> Staff" bylines made before bylines had a kind are organizations.
UPDATE "Author" SET "kind" = 'ORGANIZATION' WHERE "name" LIKE '% Staff' AND "userId" IS NULL;
