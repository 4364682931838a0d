import { beforeAll, describe, expect, it } from "vitest";
import { db, isPostgres } from "../db";
import type { Viewer } from "../auth/viewer";
import { ACTION_BODY_LIMIT } from "../security/body-limit";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { bodyBytes, bodyFromParagraphs, MAX_BODY_BYTES } from "./body";
import { createArticle, transitionArticle, updateArticle } from "./mutations/index";
import { getRevision } from "./revisions";
import { countWords } from "./word-count";

let editor: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  bits = await makeNewsroomBits(editor.id);
});

const WORDS = [
  "Officials",
  "said",
  "the",
  "convoy",
  "reached",
  "Kharkiv",
  "before",
  "dawn,",
  "according",
  "to",
  "witnesses.",
  "“We",
  "waited”",
];

/** A wire story of `words` words in paragraphs of 40, made of varied words and punctuation. */
function longBody(words: number, seed = 0) {
  const paragraphs: string[] = [];
  for (let done = 0; done < words; done += 40) {
    const n = Math.min(40, words - done);
    paragraphs.push(Array.from({ length: n }, (_, i) => WORDS[(done + i + seed) % WORDS.length]! + (i % 7 === 0 ? done : "")).join(" "));
  }
  return bodyFromParagraphs(paragraphs);
}

const revisionBytes = async (articleId: string) =>
  Number(
    (
      await db.$queryRawUnsafe<{ bytes: bigint }[]>(
        isPostgres
          ? `SELECT SUM(octet_length(snapshot::text)) AS bytes FROM "Revision" WHERE "articleId" = $1`
          : `SELECT SUM(LENGTH(CAST(snapshot AS BLOB))) AS bytes FROM "Revision" WHERE articleId = ?`,
        articleId,
      )
    )[0]!.bytes,
  );

describe("a 100,000-word story", () => {
  it("saves, publishes and restores, fits the limits, and its revisions store the body once per distinct text", async () => {
    const body = longBody(100_000);
    expect(countWords(body)).toBe(100_000);
    const bytes = bodyBytes(body);
    expect(bytes).toBeLessThan(MAX_BODY_BYTES);
    // What the browser sends: the whole save input, well inside the Server Action limit.
    const input = readyArticleInput(bits.section.id, bits.author.id, { body });
    expect(new TextEncoder().encode(JSON.stringify([input])).length).toBeLessThan(ACTION_BODY_LIMIT);

    let started = performance.now();
    const created = await createArticle(editor, input);
    const createMs = performance.now() - started;
    const afterCreate = await revisionBytes(created.id);

    // Three explicit saves that change only the headline: no new copy of the body.
    let version = created.version;
    started = performance.now();
    for (let i = 0; i < 3; i++) {
      version = (await updateArticle(editor, { ...input, id: created.id, version, headline: `${input.headline} (${i})` })).version;
    }
    const saveMs = (performance.now() - started) / 3;
    const afterHeadlineSaves = await revisionBytes(created.id);
    expect(afterHeadlineSaves - afterCreate).toBeLessThan(10_000);

    // Publishing stores a revision too, again without a copy of the body.
    version = (await transitionArticle(editor, { id: created.id, version, to: "PUBLISHED" })).version;
    expect((await revisionBytes(created.id)) - afterCreate).toBeLessThan(15_000);

    // A changed body is stored once more.
    const edited = longBody(100_000, 1);
    version = (await updateArticle(editor, { ...input, body: edited, id: created.id, version, materialUpdate: true })).version;
    const afterBodyEdit = await revisionBytes(created.id);
    expect(afterBodyEdit - afterHeadlineSaves).toBeGreaterThan(bytes * 0.9);

    // Every revision still shows (and restores) its full body.
    const revisions = await db.revision.findMany({ where: { articleId: created.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
    expect(revisions).toHaveLength(6);
    const first = await getRevision(editor, created.id, revisions[0]!.id);
    const publish = await getRevision(editor, created.id, revisions[4]!.id);
    const last = await getRevision(editor, created.id, revisions[5]!.id);
    expect(first.snapshot.body).toEqual(body);
    expect(publish.snapshot.body).toEqual(body);
    expect(last.snapshot.body).toEqual(edited);

    console.log(
      `100,000 words: body ${(bytes / 1e6).toFixed(2)} MB; create ${createMs.toFixed(0)} ms, save ${saveMs.toFixed(0)} ms; ` +
        `6 revisions hold ${(afterBodyEdit / 1e6).toFixed(2)} MB (full snapshots would hold ${((6 * bytes) / 1e6).toFixed(2)} MB)`,
    );
  });
});
