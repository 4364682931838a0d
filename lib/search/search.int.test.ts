import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, readyArticleInput, uid } from "../test/factories";
import { createArticle, transitionArticle, updateArticle } from "../articles/mutations";
import { bodyFromParagraphs } from "../articles/body";
import { MARK_END, MARK_START, searchArticles, toFtsQuery } from "./queries";

const word = `zephyrine${uid()}`;
let editor: Viewer;

/** Publishes a story with `headline` and, when given, these paragraphs (in a section and byline of its own). */
async function publish(headline: string, ...paragraphs: string[]) {
  const bits = await makeNewsroomBits();
  const input = readyArticleInput(bits.section.id, bits.author.id, {
    headline,
    ...(paragraphs.length ? { body: bodyFromParagraphs(paragraphs) } : {}),
  });
  const story = await createArticle(editor, input);
  return { input, story, live: await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" }) };
}

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  await publish("Council meets", `The ${word} harbour plan was approved.`);
  await publish(`The ${word} vote`);
  const bits = await makeNewsroomBits();
  await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { headline: `Draft about ${word}` }));
});

describe("search", () => {
  it("finds published stories only, headline matches first, with a highlighted snippet", async () => {
    const { results, total } = await searchArticles(word);
    expect(total).toBe(2);
    expect(results[0]?.headline).toBe(`The ${word} vote`);
    const body = results.find((r) => r.headline === "Council meets")!;
    expect(body.snippet).toContain(`${MARK_START}${word}${MARK_END}`);
  });

  it("matches word prefixes and ignores case and accents", async () => {
    expect((await searchArticles(word.slice(0, 9).toUpperCase())).total).toBeGreaterThanOrEqual(2);
  });

  it("follows edits: a changed headline is found by its new words", async () => {
    const { input, story, live } = await publish("Plain headline");
    const fresh = `quillfeather${uid()}`;
    await updateArticle(editor, {
      ...input,
      headline: `Now with ${fresh}`,
      slug: story.slug,
      id: story.id,
      version: live.version,
      materialUpdate: true,
    });
    expect((await searchArticles(fresh)).total).toBe(1);
  });

  it.each(['"unbalanced', "AND OR NOT", "NEAR(", "*", "🙂🌊", "col:headline", "'; DROP TABLE Article; --", "a\u0000b", "(((", ""])(
    "treats %j as plain text and never fails",
    async (input) => {
      await expect(searchArticles(input)).resolves.toHaveProperty("results");
    },
  );

  it("builds quoted terms, the last one as a prefix", () => {
    expect(toFtsQuery('harbour "plan')).toBe('"harbour" "plan"*');
    expect(toFtsQuery("🙂")).toBeNull();
    expect(toFtsQuery("“we will” harbour")).toBe('"we will" "harbour"*');
    expect(toFtsQuery('harbour "we will"')).toBe('"harbour" "we will"');
    // One word in quotation marks is that word, not a prefix; an unclosed quote is still being typed.
    expect(toFtsQuery('harbour "leave"')).toBe('"harbour" "leave"');
    expect(toFtsQuery('harbour "we will')).toBe('"harbour" "we" "will"*');
  });

  it("finds words in quotation marks as a phrase, straight or curly (a reader hunting a quote got every story with the words apart)", async () => {
    const tag = `quaymaster${uid()}`;
    await publish(`The ${tag} speaks`, "“We will not leave,” she said.");
    await publish(`The ${tag} replies`, "We will see. Not everyone will leave.");
    expect((await searchArticles(`${tag} we will not leave`)).total).toBe(2);
    for (const query of [`${tag} "we will not leave"`, `${tag} “We will not leave”`, `"We will not leave" ${tag}`]) {
      const { results, total } = await searchArticles(query);
      expect({ query, total, headline: results[0]?.headline }).toEqual({ query, total: 1, headline: `The ${tag} speaks` });
    }
  });
});
