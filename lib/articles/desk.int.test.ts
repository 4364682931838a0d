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

describe("the story list's search", () => {
  const headlines = {
    sea: "“The sea has already decided”",
    leave: "‘We will not leave,’ says the mayor",
    kherson: "Kherson’s ferries run again",
    straight: '"Straight" quotes kept from a wire import',
    percent: "Turnout reaches 100% in three villages",
    underscore: "Leaked file memo_final names the minister",
    backslash: "A path like C:\\Users\\desk leaked",
  };
  let section: string;

  beforeAll(async () => {
    const own = await makeNewsroomBits();
    section = own.section.id;
    for (const headline of Object.values(headlines)) {
      await createArticle(editor, readyArticleInput(section, own.author.id, { headline }));
    }
  });

  const found = async (q: string) => (await listDeskArticles(editor, { q, section })).rows.map((r) => r.headline).sort();

  it("finds curly quotes and apostrophes by the straight ones typed, and straight ones by curly ones", async () => {
    expect(await found('"The sea')).toEqual([headlines.sea]);
    expect(await found("leave,' says")).toEqual([headlines.leave]);
    expect(await found("Kherson's ferries")).toEqual([headlines.kherson]);
    expect(await found("“Straight” quotes")).toEqual([headlines.straight]);
    expect(await found("«the sea has»")).toEqual([headlines.sea]);
  });

  it("finds % and _ as themselves, not as wildcards matching every story", async () => {
    expect(await found("%")).toEqual([headlines.percent]);
    expect(await found("100%")).toEqual([headlines.percent]);
    expect(await found("_")).toEqual([headlines.underscore]);
    expect(await found("memo_final")).toEqual([headlines.underscore]);
    expect(await found("memo%final")).toEqual([]);
    expect(await found("Turnout_reaches")).toEqual([]);
    expect(await found("\\")).toEqual([headlines.backslash]);
    expect(await found("C:\\Users")).toEqual([headlines.backslash]);
  });

  it("still ignores case", async () => {
    expect(await found("THE SEA HAS")).toEqual([headlines.sea]);
    expect(await found("MEMO_FINAL")).toEqual([headlines.underscore]);
  });
});
