import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput, uid } from "../test/factories";
import { createArticle, transitionArticle } from "./mutations/index";
import { deskFilterSchema, isNarrowed, listDeskArticles } from "./desk";

let writer: Viewer;
let editor: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;
const marker = uid();

beforeAll(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
  bits = await makeNewsroomBits();
  const mine = await createArticle(writer, readyArticleInput(bits.section.id, bits.author.id, { headline: `Writer story ${marker}` }));
  const theirs = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { headline: `Editor story ${marker}` }));
  await transitionArticle(editor, { id: theirs.id, version: theirs.version, to: "PUBLISHED" });
  void mine;
});

describe("the story list", () => {
  it("shows a writer only their own stories and an editor everyone's", async () => {
    const forWriter = await listDeskArticles(writer, { q: marker });
    expect(forWriter.rows.map((r) => r.headline)).toEqual([`Writer story ${marker}`]);
    const forEditor = await listDeskArticles(editor, { q: marker });
    expect(forEditor.total).toBe(2);
  });

  it("finds a headline whatever the case typed (SQLite's LIKE and PostgreSQL's ILIKE alike)", async () => {
    expect((await listDeskArticles(editor, { q: `EDITOR STORY ${marker.toUpperCase()}` })).rows.map((r) => r.headline)).toEqual([
      `Editor story ${marker}`,
    ]);
  });

  it("filters by status, section and byline, and pages", async () => {
    expect((await listDeskArticles(editor, { q: marker, status: "PUBLISHED" })).rows.map((r) => r.headline)).toEqual([
      `Editor story ${marker}`,
    ]);
    expect((await listDeskArticles(editor, { q: marker, section: bits.section.id, author: bits.author.id })).total).toBe(2);
    const sorted = await listDeskArticles(editor, { q: marker, sort: "published" });
    expect(sorted.rows[0]?.headline).toBe(`Editor story ${marker}`);
    expect((await listDeskArticles(editor, { q: marker, page: 2 })).rows).toEqual([]);
  });

  it("tells a narrowed list from an unfiltered one: sort and page do not narrow, an empty or unknown value does not either", () => {
    const narrowed = (params: Record<string, string>) => isNarrowed(deskFilterSchema.parse(params));
    expect(narrowed({})).toBe(false);
    expect(narrowed({ sort: "published", page: "3" })).toBe(false);
    expect(narrowed({ q: "   ", status: "NOT_A_STATUS" })).toBe(false);
    expect(narrowed({ status: "DRAFT" })).toBe(true);
    expect(narrowed({ section: "s1" })).toBe(true);
    expect(narrowed({ author: "a1" })).toBe(true);
    expect(narrowed({ q: "fire" })).toBe(true);
  });
});
