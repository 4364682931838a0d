import { describe, expect, it } from "vitest";
import { withoutSqlManaged } from "./sql-managed";

describe("the PostgreSQL twin's diff, without the SQL-managed objects", () => {
  it("keeps a new Article column that the diff put beside dropping the search column (it was lost with the whole block)", () => {
    const block = '-- AlterTable\nALTER TABLE "Article" DROP COLUMN "searchVector",\nADD COLUMN     "lastSaveId" TEXT;';
    expect(withoutSqlManaged(block)).toBe('-- AlterTable\nALTER TABLE "Article" ADD COLUMN     "lastSaveId" TEXT;');
  });

  it("drops a block that only undoes them, and keeps every other block as it is", () => {
    expect(withoutSqlManaged('-- DropIndex\nDROP INDEX "Article_searchVector_idx";')).toBeNull();
    expect(withoutSqlManaged('-- AlterTable\nALTER TABLE "Article" DROP COLUMN "searchVector";')).toBeNull();
    const other = '-- AlterTable\nALTER TABLE "Image" ADD COLUMN     "licenseExpiryNoticeAt" TIMESTAMP(3);';
    expect(withoutSqlManaged(other)).toBe(other);
  });
});
