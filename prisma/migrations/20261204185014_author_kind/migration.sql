-- AlterTable (a column with a constant default: SQLite adds it in place)
ALTER TABLE "Author" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'PERSON';
