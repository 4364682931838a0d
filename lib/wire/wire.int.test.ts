import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSiteSettings } from "../settings/queries";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { makeNewsroomBits, makeUser, uid } from "../test/factories";
import { expectAppError } from "../test/expect-app-error";
import { bodySchema, bodyToText } from "../articles/body";
import { transitionArticle } from "../articles/mutations/index";
import { creditLine } from "../media/schema";
import { createApiKey } from "../apikeys/mutations";
import { POST as pushRoute } from "../../app/api/v1/wire/items/route";
import { parseWireDocument } from "./parse";
import { agencyGuid, ingestWireItem, wireBody } from "./ingest";
import { scanWireFolder } from "./folder";
import { takeWireItem } from "./take";
import { bylineNames } from "./byline";
import { pollDueFeeds, addWireFeed } from "./feeds";
import { getWireItemOrThrow, listWireItems, wireFactsForStory, wireFlagsForStories, wireForEditor } from "./queries";
import { MARKET_STORY } from "./fixtures/market-story";
import { countTurns } from "../test/turns";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");
const paragraphsOf = (body: unknown) => bodyToText(bodySchema.parse(body)).split("\n");

/** A fixture with its GUID made unique, so each test works on its own item. */
function unique(name: string, id: string) {
  return fixture(name)
    .replaceAll('/market-reopens"', `/market-reopens-${id}"`)
    .replaceAll(':market-reopens"', `:market-reopens-${id}"`)
    .replaceAll('/regional-budget"', `/regional-budget-${id}"`);
}

/** A copy of the fixtures' watched folder: the documents named and the photo beside them. */
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wire-folder-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  fs.copyFileSync(path.join(FIXTURES, "market-reopens.jpg"), path.join(dir, "market-reopens.jpg"));
  const old = new Date(Date.now() - 10_000);
  for (const name of fs.readdirSync(dir)) fs.utimesSync(path.join(dir, name), old, old);
  return dir;
}

let admin: Viewer;
let editor: Viewer;
let writer: Viewer;
let bits: Awaited<ReturnType<typeof makeNewsroomBits>>;

beforeAll(async () => {
  admin = await makeUser("ADMIN");
  editor = await makeUser("EDITOR");
  writer = await makeUser("WRITER");
  bits = await makeNewsroomBits(editor.id);
});

describe("parsers", () => {
  it("read the ninjs 2.0 story: headline, copy, dateline, byline, urgency, priority, agency, link and its credited photo", () => {
    const [item] = parseWireDocument(fixture("market-reopens.ninjs.json"));
    expect(item).toMatchObject({
      format: "ninjs",
      guid: "https://wire.northernwire.example/items/2026/11/30/market-reopens",
      version: 1,
      agency: "Northern Wire",
      headline: MARKET_STORY.headline,
      byline: "Olena Marchuk",
      dateline: MARKET_STORY.dateline,
      urgency: 4,
      priority: 3,
      language: "en",
      link: "https://wire.northernwire.example/items/2026/11/30/market-reopens",
      status: "USABLE",
      embargoAt: null,
    });
    expect(item!.versionAt?.toISOString()).toBe("2026-11-30T09:12:00.000Z");
    expect(item!.photos).toEqual([
      expect.objectContaining({
        href: "market-reopens.jpg",
        caption: MARKET_STORY.photo.caption,
        credit: MARKET_STORY.photo.credit,
        rights: "© 2026 Getty Images. Editorial use only.",
        mimeType: "image/jpeg",
      }),
    ]);
  });

  it("read the NewsML-G2 message: the text item with the picture item as its photo, entities decoded", () => {
    const items = parseWireDocument(fixture("market-reopens.newsml.xml"));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      format: "newsml-g2",
      guid: "urn:newsml:northernwire.example:20261130:market-reopens",
      version: 1,
      agency: "Northern Wire",
      headline: MARKET_STORY.headline,
      byline: "Olena Marchuk",
      dateline: MARKET_STORY.dateline,
      urgency: 4,
      priority: 3,
      language: "en",
      link: "https://wire.northernwire.example/g2/20261130/market-reopens",
    });
    expect(items[0]!.bodyHtml).toContain("The prices… well");
    expect(items[0]!.photos).toEqual([
      expect.objectContaining({ href: "market-reopens.jpg", caption: MARKET_STORY.photo.caption, credit: MARKET_STORY.photo.credit }),
    ]);
  });

  it("read kill notices, embargoes, RSS and Atom", () => {
    expect(parseWireDocument(fixture("market-reopens.kill.ninjs.json"))[0]).toMatchObject({ status: "KILLED", version: 3 });
    const g2Kill = parseWireDocument(fixture("market-reopens.kill.newsml.xml"))[0]!;
    expect(g2Kill).toMatchObject({ status: "KILLED", version: 2 });
    expect(g2Kill.statusNote).toContain("Do not use.");
    expect(parseWireDocument(fixture("regional-budget.embargoed.ninjs.json"))[0]!.embargoAt?.toISOString()).toBe(
      "2030-01-15T06:00:00.000Z",
    );
    const rss = parseWireDocument(fixture("agency-feed.rss.xml"));
    expect(rss.map((i) => [i.format, i.guid, i.agency, i.headline])).toEqual([
      ["rss", "cpa-20261201-ferries", "Coastal Press Association: top stories", "Ferry services resume across the strait"],
      ["rss", "https://cpa.example/2026/12/01/bus-routes", "Coastal Press Association: top stories", "Council approves new bus routes"],
    ]);
    expect(rss[0]!.version).toBe(Date.parse("2026-12-01T08:30:00Z") / 1000);
    expect(rss[0]!.photos[0]).toMatchObject({ href: "https://cpa.example/photos/ferry.jpg", credit: "Ana Ruiz/CPA" });
    const atom = parseWireDocument(fixture("agency-feed.atom.xml"));
    expect(atom[0]).toMatchObject({
      format: "atom",
      agency: "Valley Newswire",
      byline: "Mara Lind",
      link: "https://valley.example/news/record-harvest",
    });
    expect(atom[0]!.bodyHtml).toContain("“Best year in a decade,”");
  });

  it("read a byline's people, not its agency or their titles", () => {
    const names = (byline: string, agency = "Associated Press") => bylineNames(byline, agency).map((b) => `${b.name} (${b.kind})`);
    expect(names("By JANE DOE, Associated Press")).toEqual(["JANE DOE (PERSON)"]);
    expect(names("By Jane Doe and John Roe, AP Writers", "AP")).toEqual(["Jane Doe (PERSON)", "John Roe (PERSON)"]);
    expect(names("By Maria Okonkwo; Reuters", "Reuters")).toEqual(["Maria Okonkwo (PERSON)"]);
    expect(names("The Associated Press")).toEqual(["Associated Press Staff (ORGANIZATION)"]);
    expect(names("By Amira Haddad")).toEqual(["Amira Haddad (PERSON)"]);
    expect(names("By Eyal Press, Reuters", "Reuters")).toEqual(["Eyal Press (PERSON)"]);
  });

  it("drop Press or Wire only as the agency's name, not a co-author's surname (“and Anna Press” lost her byline)", () => {
    const names = (byline: string, agency = "Associated Press") => bylineNames(byline, agency).map((b) => b.name);
    expect(names("By Jane Doe and Anna Press")).toEqual(["Jane Doe", "Anna Press"]);
    expect(names("By Jane Doe, Tom Wire, Reuters Wire", "Reuters")).toEqual(["Jane Doe", "Tom Wire"]);
    expect(names("By Jane Doe and Anna Press, Associated Press")).toEqual(["Jane Doe", "Anna Press"]);
    // Another agency a byline credits, or one named with “The”, is no person either.
    expect(names("By Jane Doe, The Canadian Press", "Northern Wire")).toEqual(["Jane Doe"]);
    expect(names("By Jane Doe, Associated Press", "Northern Wire")).toEqual(["Jane Doe"]);
    expect(names("By Jane Doe, Canadian Press; Ola Nordmann, dpa", "Northern Wire")).toEqual(["Jane Doe", "Ola Nordmann"]);
    expect(names("By Jane Doe, Press Association", "Northern Wire")).toEqual(["Jane Doe"]);
  });

  it("read the agency's abbreviation as the agency, not a person (“By AP” made an author “AP”)", () => {
    const names = (byline: string, agency = "Associated Press") => bylineNames(byline, agency).map((b) => `${b.name} (${b.kind})`);
    expect(names("By AP")).toEqual(["Associated Press Staff (ORGANIZATION)"]);
    expect(names("AP staff")).toEqual(["Associated Press Staff (ORGANIZATION)"]);
    expect(names("By A.P.")).toEqual(["Associated Press Staff (ORGANIZATION)"]);
    expect(names("AFP", "Agence France-Presse")).toEqual(["Agence France-Presse Staff (ORGANIZATION)"]);
    expect(names("By Jane Doe, NW", "Northern Wire")).toEqual(["Jane Doe (PERSON)"]);
    expect(names("By Jane Doe, AP", "Northern Wire")).toEqual(["Jane Doe (PERSON)"]);
  });

  it("refuse what is not a wire document, with a sentence", () => {
    expect(() => parseWireDocument("hello")).toThrow("This is not a wire document");
    expect(() => parseWireDocument("{not json")).toThrow("not valid JSON");
    expect(() => parseWireDocument("<html><body></body></html>")).toThrow(
      "This XML is not a wire document: send NewsML-G2 (a newsItem or newsMessage), RSS 2.0 or Atom.",
    );
    expect(() => parseWireDocument('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" version="1"><itemMeta/></newsItem>')).toThrow(
      "no guid",
    );
    expect(() => parseWireDocument("<rss><channel><item><title>x</item></channel></rss>")).toThrow("not well-formed");
  });
});

describe("the round trip of the demo-like wire story", () => {
  it("keeps every character and the credit, through ninjs and through NewsML-G2, into a draft story", async () => {
    const id = uid();
    const dir = folderWith({
      "a.ninjs.json": unique("market-reopens.ninjs.json", id),
      "b.newsml.xml": unique("market-reopens.newsml.xml", id),
    });
    const scan = await scanWireFolder(dir);
    expect(scan.failed).toEqual([]);
    expect(scan.items.map((i) => i.outcome)).toEqual(["created", "created"]);
    // Both documents and the photo they named moved to processed/.
    expect(fs.readdirSync(dir).sort()).toEqual(["processed"]);

    for (const outcome of scan.items) {
      const item = await db.wireItem.findUniqueOrThrow({ where: { id: outcome.id }, include: { photos: true } });
      expect(item.headline).toBe(MARKET_STORY.headline);
      expect(paragraphsOf(item.body)).toEqual(MARKET_STORY.paragraphs);
      expect(item.photos[0]!.data?.length).toBe(fs.statSync(path.join(FIXTURES, "market-reopens.jpg")).size);

      const taken = await takeWireItem(editor, { id: item.id, sectionId: bits.section.id, again: true });
      expect(taken.notes).toEqual([]);
      const story = await db.article.findUniqueOrThrow({
        where: { id: taken.articleId },
        include: {
          authors: { include: { author: true } },
          images: { include: { image: true } },
          sources: true,
        },
      });
      expect(story.status).toBe("DRAFT");
      expect(story.headline).toBe(MARKET_STORY.headline);
      expect(story.dateline).toBe(MARKET_STORY.dateline);
      expect(paragraphsOf(story.body)).toEqual(MARKET_STORY.paragraphs);
      expect(story.authors.map((a) => a.author.name)).toEqual(["Olena Marchuk"]);
      const hero = story.images.find((i) => i.role === "HERO")!;
      expect(hero.caption).toBe(MARKET_STORY.photo.caption);
      expect(creditLine(hero.credit, hero.agency, hero.creditLine)).toBe("Roman Pilipey/Getty Images");
      expect(creditLine(hero.image.credit, hero.image.agency, hero.image.creditLine)).toBe("Roman Pilipey/Getty Images");
      expect(hero.image.license).toContain("Editorial use only.");
      expect(story.sources).toEqual([
        expect.objectContaining({ url: item.link, publisher: "Northern Wire", title: `Northern Wire: ${MARKET_STORY.headline}` }),
      ]);
      expect(await db.wireTake.findUnique({ where: { articleId: story.id } })).toMatchObject({ itemId: item.id, version: 1 });
    }
  });

  it("a story taken from an item without a byline reads “By <Agency> Staff”", async () => {
    const doc = JSON.parse(unique("regional-budget.embargoed.ninjs.json", uid())) as Record<string, unknown>;
    delete doc.embargoed;
    const [parsed] = parseWireDocument(JSON.stringify(doc));
    const { id } = await ingestWireItem(parsed!, "push");
    const { articleId } = await takeWireItem(editor, { id });
    const authors = await db.articleAuthor.findMany({ where: { articleId }, include: { author: true } });
    expect(authors.map((a) => a.author.name)).toEqual(["Northern Wire Staff"]);
    // The agency's staff is an organization, not a person (the story's structured data says so).
    expect(authors.map((a) => a.author.kind)).toEqual(["ORGANIZATION"]);
  });

  it("a story taken from an item in another language than the site's is in that language; another region of the site's is the site's", async () => {
    const site = (await readSiteSettings()).language;
    const take = async (language: string) => {
      const doc = JSON.parse(unique("market-reopens.ninjs.json", uid())) as Record<string, unknown>;
      doc.language = language;
      delete doc.associations; // no photo to fetch, and no note of it
      const { id } = await ingestWireItem(parseWireDocument(JSON.stringify(doc))[0]!, "push");
      const taken = await takeWireItem(editor, { id });
      const story = await db.article.findUniqueOrThrow({ where: { id: taken.articleId }, select: { language: true } });
      return { language: story.language, notes: taken.notes };
    };
    const welsh = await take("CY");
    expect(welsh.language).toBe("cy");
    expect(welsh.notes).toContain("The story is in Welsh (cy), as the item is.");
    // An agency's "en-ZA" on an English site, and a tag that is none: the site's language.
    expect(await take(`${new Intl.Locale(site).language}-ZA`)).toEqual({ language: null, notes: [] });
    expect(await take("English")).toEqual({ language: null, notes: [] });
  });

  it("an agency's writer is not the newsroom's own writer of the same name (a probe's AP story went out under a staff byline)", async () => {
    const name = `John Smith ${uid()}`;
    const staff = await makeUser("WRITER");
    const staffByline = await db.author.create({ data: { name, slug: `staff-${uid()}`, userId: staff.id } });
    const take = async () => {
      const doc = JSON.parse(unique("market-reopens.ninjs.json", uid())) as Record<string, unknown>;
      doc.bylines = [{ byline: `By ${name}`, role: "author" }];
      const { id } = await ingestWireItem(parseWireDocument(JSON.stringify(doc))[0]!, "push");
      const taken = await takeWireItem(editor, { id });
      const authors = await db.articleAuthor.findMany({ where: { articleId: taken.articleId }, include: { author: true } });
      return { notes: taken.notes, authors: authors.map((a) => a.author) };
    };
    const first = await take();
    expect(first.authors).toHaveLength(1);
    expect(first.authors[0]!.id).not.toBe(staffByline.id);
    expect(first.authors[0]).toMatchObject({ name, title: "Northern Wire", kind: "PERSON", userId: null });
    expect(first.notes).toContain(
      `The byline “${name}” is Northern Wire's: the newsroom's own ${name} is someone else. If they are the same person, choose the staff byline instead.`,
    );
    // The agency's writer is found again the next time.
    const second = await take();
    expect(second.authors.map((a) => a.id)).toEqual([first.authors[0]!.id]);
    // A freelancer or an imported author of that name (no account, no title) is someone else too.
    const freelance = `Jane Roe ${uid()}`;
    const theirs = await db.author.create({ data: { name: freelance, slug: `freelance-${uid()}` } });
    const doc = JSON.parse(unique("market-reopens.ninjs.json", uid())) as Record<string, unknown>;
    doc.bylines = [{ byline: `By ${freelance}`, role: "author" }];
    const { id } = await ingestWireItem(parseWireDocument(JSON.stringify(doc))[0]!, "push");
    const taken = await takeWireItem(editor, { id });
    const bylines = await db.articleAuthor.findMany({ where: { articleId: taken.articleId }, include: { author: true } });
    expect(bylines.map((a) => a.author.id)).not.toContain(theirs.id);
    expect(bylines[0]!.author).toMatchObject({ name: freelance, title: "Northern Wire" });
  });

  it("an agency's writer is found again only for that agency: another agency's of the same name is someone else", async () => {
    const name = `John Smith ${uid()}`;
    const take = async (agency: string) => {
      const doc = JSON.parse(unique("market-reopens.ninjs.json", uid())) as Record<string, unknown>;
      doc.bylines = [{ byline: `By ${name}`, role: "author" }];
      doc.infosources = [{ name: agency, role: "source" }];
      const { id } = await ingestWireItem(parseWireDocument(JSON.stringify(doc))[0]!, "push");
      const { articleId } = await takeWireItem(editor, { id });
      return (await db.articleAuthor.findFirstOrThrow({ where: { articleId }, include: { author: true } })).author;
    };
    const north = await take("Northern Wire");
    const south = await take("Southern Wire");
    expect(south.id).not.toBe(north.id);
    expect(south).toMatchObject({ name, title: "Southern Wire", kind: "PERSON", userId: null });
    expect((await take("Northern Wire")).id).toBe(north.id);
  });

  it("an item with no web address gives its story no source, and says so (readers were shown a link to the desk)", async () => {
    const doc = JSON.parse(unique("market-reopens.ninjs.json", uid())) as Record<string, unknown>;
    doc.uri = `urn:probe:no-link:${uid()}`;
    const [parsed] = parseWireDocument(JSON.stringify(doc));
    expect(parsed!.link).toBeNull();
    const { id } = await ingestWireItem(parsed!, "push");
    const taken = await takeWireItem(editor, { id });
    expect(await db.sourceLink.count({ where: { articleId: taken.articleId } })).toBe(0);
    expect(taken.notes).toContain(
      "Northern Wire gave no web address for this item, so the story lists no source for it: add one if there is one.",
    );
  });
});

describe("copy longer than a story holds", () => {
  it("keeps results lines apart and every line a story can hold, instead of one paragraph cut at 20,000 characters", () => {
    const lines = Array.from({ length: 1100 }, (_, i) => `Precinct ${i + 1}: Smith ${1000 + i}, Jones ${2000 + i}`);
    // Each line as readers see it: a paragraph's line breaks kept.
    const linesOf = (body: ReturnType<typeof wireBody>) =>
      body.content.flatMap((block) =>
        ("content" in block ? (block.content ?? []) : [])
          .map((node) => ("text" in node ? node.text : "\n"))
          .join("")
          .split("\n"),
      );
    expect(linesOf(wireBody(`<p>${lines.join("<br>")}</p><p>Turnout was 61 percent.</p>`, null))).toEqual([
      ...lines,
      "Turnout was 61 percent.",
    ]);
    // More paragraphs than a story holds (20,000): each stays a paragraph, as many as fit.
    const many = Array.from({ length: 25_000 }, (_, i) => `Line ${i + 1} of the agate.`);
    const kept = paragraphsOf(wireBody(many.map((line) => `<p>${line}</p>`).join(""), null));
    expect(kept.length).toBeGreaterThanOrEqual(2500);
    expect(kept).toEqual(many.slice(0, kept.length));
    // The source's own newlines are spacing, not paragraphs: hard-wrapped copy, a tag across two
    // lines (here in copy larger than a story holds).
    const long = Array.from({ length: 800 }, (_, i) => `<p>${`Paragraph ${i + 1}. `.repeat(200)}</p>`).join("\n");
    const wrapped = paragraphsOf(wireBody(`<p\n class="lede">Line one of a\nwrapped sentence.</p>\n${long}`, null));
    expect(wrapped.slice(0, 2)).toEqual(["Line one of a wrapped sentence.", `Paragraph 1. `.repeat(200).trim()]);
  });
});

describe("versions", () => {
  it("a newer version replaces the older and says what changed; an older or the same one is ignored", async () => {
    const id = uid();
    const v1 = parseWireDocument(unique("market-reopens.ninjs.json", id))[0]!;
    const v2 = parseWireDocument(unique("market-reopens.v2.ninjs.json", id))[0]!;
    const first = await ingestWireItem(v1, "push");
    expect(first.outcome).toBe("created");
    expect((await ingestWireItem(v1, "push")).outcome).toBe("ignored");
    const second = await ingestWireItem(v2, "push");
    expect(second).toMatchObject({ id: first.id, outcome: "updated", version: 2 });
    expect((await ingestWireItem(v1, "push")).outcome).toBe("ignored");
    expect(await db.wireItem.count({ where: { guid: `push: ${v1.guid}` } })).toBe(1);

    const item = await getWireItemOrThrow(writer, first.id);
    expect(item.version).toBe(2);
    expect(item.headline).toBe(v2.headline);
    // The headlines' own quotation marks nest as single ones inside the sentence's.
    expect(item.changes).toEqual([
      "Headline: “‘We are still here’: Dovzhenko’s covered market reopens after eight months” → “‘We are still here’: Dovzhenko’s covered market reopens after eight months of repairs”.",
      "Copy: 1 changed, 1 added paragraphs.",
    ]);
    expect(item.versions.map((v) => v.version)).toEqual([2, 1]);
  });

  it("tells the story's editor of versions the agency sent after the take, and what they changed", async () => {
    const id = uid();
    const { id: itemId } = await ingestWireItem(parseWireDocument(unique("market-reopens.ninjs.json", id))[0]!, "push");
    const { articleId } = await takeWireItem(editor, { id: itemId, sectionId: bits.section.id });
    expect(await wireForEditor(articleId)).toEqual({ facts: { agency: "Northern Wire", embargoAt: null, status: "USABLE" }, update: null });
    await ingestWireItem(parseWireDocument(unique("market-reopens.v2.ninjs.json", id))[0]!, "push");
    expect((await wireForEditor(articleId)).update).toEqual({
      itemId,
      agency: "Northern Wire",
      taken: 1,
      version: 2,
      says: "Northern Wire sent version 2 of the wire item this story was taken from, after it was taken (version 1).",
      changes: [expect.stringMatching(/^Headline: /), "Copy: 1 changed, 1 added paragraphs."],
    });
    // Killed, the kill's own warning says it all.
    await ingestWireItem(parseWireDocument(unique("market-reopens.kill.ninjs.json", id))[0]!, "push");
    expect(await wireForEditor(articleId)).toEqual({ facts: { agency: "Northern Wire", embargoAt: null, status: "KILLED" }, update: null });
  });

  it("a kill of an item whose story is live tells its writers and the editors at once, once", async () => {
    const id = uid();
    const { id: itemId } = await ingestWireItem(parseWireDocument(unique("market-reopens.ninjs.json", id))[0]!, "push");
    const { articleId } = await takeWireItem(editor, { id: itemId, sectionId: bits.section.id });
    const taken = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    await transitionArticle(editor, { id: articleId, version: taken.version, to: "PUBLISHED" });
    const killNotices = () => db.notification.findMany({ where: { articleId, kind: "WIRE_KILLED" }, select: { userId: true, note: true } });
    expect(await killNotices()).toEqual([]);
    await ingestWireItem(parseWireDocument(unique("market-reopens.kill.ninjs.json", id))[0]!, "push");
    const told = await killNotices();
    // The editor who took and published it (its writer, and an editor): told once.
    expect(told.filter((n) => n.userId === editor.id)).toHaveLength(1);
    expect(told[0]!.note).toMatch(
      /^Killed by Northern Wire: “.*Do not use\..*”\. The story is live: unpublish it, or check it against the agency's notice\.$/s,
    );
    // The same kill sent again is not news.
    await ingestWireItem(parseWireDocument(unique("market-reopens.kill.ninjs.json", id))[0]!, "push");
    expect(await killNotices()).toHaveLength(told.length);
  });

  it("two copies of one kill arriving at once tell the desk once", async () => {
    const id = uid();
    const { id: itemId } = await ingestWireItem(parseWireDocument(unique("market-reopens.ninjs.json", id))[0]!, "push");
    const { articleId } = await takeWireItem(editor, { id: itemId, sectionId: bits.section.id });
    const taken = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    await transitionArticle(editor, { id: articleId, version: taken.version, to: "PUBLISHED" });
    const kill = parseWireDocument(unique("market-reopens.kill.ninjs.json", id))[0]!;
    const outcomes = await Promise.all([ingestWireItem(kill, "push"), ingestWireItem(kill, "push")]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["ignored", "updated"]);
    expect(await db.notification.count({ where: { articleId, kind: "WIRE_KILLED", userId: editor.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: itemId, action: "wire.killed" } })).toBe(1);
  });

  it("a new version of an item whose story is live tells its writers what changed (only its editor showed it); a draft's is in its editor", async () => {
    const id = uid();
    const { id: itemId } = await ingestWireItem(parseWireDocument(unique("market-reopens.ninjs.json", id))[0]!, "push");
    const { articleId } = await takeWireItem(editor, { id: itemId, sectionId: bits.section.id });
    const taken = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    await transitionArticle(editor, { id: articleId, version: taken.version, to: "PUBLISHED" });
    await ingestWireItem(parseWireDocument(unique("market-reopens.v2.ninjs.json", id))[0]!, "push");
    const told = await db.notification.findMany({
      where: { articleId, kind: "WIRE_UPDATED" },
      select: { userId: true, note: true, actorName: true },
    });
    expect(told).toEqual([
      {
        userId: editor.id,
        actorName: null,
        note: expect.stringMatching(
          /^Northern Wire sent version 2: Headline: .+ Copy: 1 changed, 1 added paragraphs\. The story is live: check it against the new version\.$/s,
        ),
      },
    ]);
    // The same version again is not news; nor is a new version of an item whose story is a draft.
    await ingestWireItem(parseWireDocument(unique("market-reopens.v2.ninjs.json", id))[0]!, "push");
    expect(await db.notification.count({ where: { articleId, kind: "WIRE_UPDATED" } })).toBe(1);
    const other = uid();
    const { id: draftItem } = await ingestWireItem(parseWireDocument(unique("market-reopens.ninjs.json", other))[0]!, "push");
    const draft = await takeWireItem(editor, { id: draftItem, sectionId: bits.section.id });
    await ingestWireItem(parseWireDocument(unique("market-reopens.v2.ninjs.json", other))[0]!, "push");
    expect(await db.notification.count({ where: { articleId: draft.articleId } })).toBe(0);
  });

  it("a kill notice marks the item killed, flags the stories taken from it, and they cannot be published", async () => {
    const id = uid();
    const { id: itemId } = await ingestWireItem(parseWireDocument(unique("market-reopens.ninjs.json", id))[0]!, "push");
    const { articleId } = await takeWireItem(editor, { id: itemId, sectionId: bits.section.id });
    const kill = await ingestWireItem(parseWireDocument(unique("market-reopens.kill.ninjs.json", id))[0]!, "push");
    expect(kill).toMatchObject({ id: itemId, outcome: "updated", status: "KILLED" });
    const item = await db.wireItem.findUniqueOrThrow({ where: { id: itemId } });
    // The kill notice has no copy of its own: the copy it cancels stays readable, with what the
    // kill does not say (a probe's kill blanked the byline, dateline and urgency), and its photo.
    expect(item.headline).toBe(MARKET_STORY.headline);
    expect(item).toMatchObject({ byline: "Olena Marchuk", dateline: "DOVZHENKO, Ukraine", urgency: 4, priority: 3, language: "en" });
    expect(await db.wirePhoto.count({ where: { itemId } })).toBe(1);
    expect(item.searchText).toContain("olena marchuk");
    // What the kill changed is its status, nothing else.
    expect(item.changes).toEqual(["Status: Usable → Killed."]);
    expect(item.statusNote).toContain("Do not use.");
    expect((await wireFlagsForStories([articleId])).get(articleId)).toMatchObject({ status: "KILLED", agency: "Northern Wire" });
    const story = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    const refused = await expectAppError(transitionArticle(editor, { id: articleId, version: story.version, to: "PUBLISHED" }), "invalid");
    expect(refused.message).toContain("a wire item Northern Wire has not killed");
    await expectAppError(takeWireItem(editor, { id: itemId, again: true }), "invalid");
  });

  it("takes an RSS correction that keeps its pubDate as the next version (a probe's was ignored), and the same copy again as nothing new", async () => {
    const id = uid();
    const rss = (copy: string) =>
      `<rss version="2.0"><channel><title>Coast Wire</title><item><title>Harbour reopens</title><guid isPermaLink="false">c-${id}</guid><pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><description>${copy}</description></item></channel></rss>`;
    const ingest = (copy: string) => ingestWireItem(parseWireDocument(rss(copy), { agency: "Coast Wire" })[0]!, "feed:coast");
    const first = await ingest("The harbour reopened on Monday with 40 boats.");
    const corrected = await ingest("The harbour reopened on Monday with 14 boats.");
    expect(corrected).toMatchObject({ id: first.id, outcome: "updated", version: first.version + 1 });
    const item = await db.wireItem.findUniqueOrThrow({ where: { id: first.id } });
    expect(item.bodyText).toBe("The harbour reopened on Monday with 14 boats.");
    expect(item.changes).toEqual(["Copy: 1 changed paragraph."]);
    // The next poll of the same feed is nothing new; a second correction is the version after.
    expect(await ingest("The harbour reopened on Monday with 14 boats.")).toMatchObject({ outcome: "ignored", version: first.version + 1 });
    expect(await ingest("The harbour reopened on Monday with 15 boats.")).toMatchObject({ outcome: "updated", version: first.version + 2 });
    // A mirror out of step serving a copy this item had before at that date is no new version.
    expect(await ingest("The harbour reopened on Monday with 14 boats.")).toMatchObject({ outcome: "ignored", version: first.version + 2 });
    // A correction of the byline alone, same copy and date, is the next version too (it found the
    // current version's copy among the old ones and was ignored).
    const withByline = rss("The harbour reopened on Monday with 15 boats.").replace("<pubDate>", "<author>Ana Reis</author><pubDate>");
    const byline = await ingestWireItem(parseWireDocument(withByline, { agency: "Coast Wire" })[0]!, "feed:coast");
    expect(byline).toMatchObject({ outcome: "updated", version: first.version + 3 });
    expect((await db.wireItem.findUniqueOrThrow({ where: { id: first.id } })).changes).toEqual(["Byline: “” → “Ana Reis”."]);
  });

  it("keeps two agencies' items apart when their feeds use the same bare GUID (one replaced the other)", async () => {
    const rss = (title: string) =>
      `<rss version="2.0"><channel><title>x</title><item><title>${title}</title><guid isPermaLink="false">1001-${id}</guid><description>Copy of ${title}.</description></item></channel></rss>`;
    const id = uid();
    const a = await ingestWireItem(parseWireDocument(rss("Agency A's exclusive"), { agency: "Agency A" })[0]!, "feed:a");
    const b = await ingestWireItem(parseWireDocument(rss("Agency B: weather"), { agency: "Agency B" })[0]!, "feed:b");
    expect(b.outcome).toBe("created");
    expect(b.id).not.toBe(a.id);
    const stored = await db.wireItem.findUniqueOrThrow({ where: { id: a.id } });
    expect(stored.headline).toBe("Agency A's exclusive");
    // The desk shows the GUID the agency gave.
    expect(agencyGuid(stored)).toBe(`1001-${id}`);
    // An item stored before keys named their route (the agency's name, or a bare URI) is found from
    // the same route, keyed anew, and its kill reaches it.
    const legacy = await ingestWireItem(parseWireDocument(rss("Stored long ago"), { agency: "Agency C" })[0]!, "feed:c");
    await db.wireItem.update({ where: { id: legacy.id }, data: { guid: `Agency C 1001-${id}` } });
    const again = await ingestWireItem(
      { ...parseWireDocument(rss("Stored long ago"), { agency: "Agency C" })[0]!, status: "KILLED" },
      "feed:c",
    );
    expect(again).toMatchObject({ id: legacy.id, status: "KILLED" });
    expect((await db.wireItem.findUniqueOrThrow({ where: { id: legacy.id } })).guid).toBe(`feed:c 1001-${id}`);
    // A pushed one only from the user whose key pushed it first.
    const pushedUri = `urn:newsml:wire.example:${id}:legacy`;
    const pushed = await ingestWireItem(
      { ...parseWireDocument(rss("Pushed long ago"), { agency: "Agency C" })[0]!, guid: pushedUri },
      "push",
      writer.id,
    );
    await db.wireItem.update({ where: { id: pushed.id }, data: { guid: pushedUri } });
    const next = parseWireDocument(rss("Pushed long ago, v2"), { agency: "Agency C" })[0]!;
    const other = await ingestWireItem({ ...next, guid: pushedUri, version: next.version + 1 }, "push", editor.id);
    expect(other).toMatchObject({ outcome: "created" });
    expect(other.id).not.toBe(pushed.id);
    expect(await ingestWireItem({ ...next, guid: pushedUri, version: next.version + 1 }, "push", writer.id)).toMatchObject({
      id: pushed.id,
      outcome: "updated",
    });
    expect((await db.wireItem.findUniqueOrThrow({ where: { id: pushed.id } })).guid).toBe(`push:${writer.id} ${pushedUri}`);
    // A feed removed and added again (a new id) at the same address keeps its items; another address does not.
    const entry = parseWireDocument(rss("From the feed"), { agency: "Agency D" })[0]!;
    const url = `https://agency-d.example/${id}/feed.xml`;
    const fromFeed = await ingestWireItem(entry, "feed:old-id", null, url);
    const readded = await ingestWireItem({ ...entry, status: "KILLED" }, "feed:new-id", null, url);
    expect(readded).toMatchObject({ id: fromFeed.id, status: "KILLED" });
    expect((await ingestWireItem(entry, "feed:other", null, `${url}?other`)).id).not.toBe(fromFeed.id);
  });

  it("a kill notice of an earlier version, or of none, still kills the item; the newer copy stays (a probe's were ignored)", async () => {
    for (const killVersion of ["1", undefined]) {
      const id = uid();
      await ingestWireItem(parseWireDocument(unique("market-reopens.ninjs.json", id))[0]!, "push");
      const v2 = parseWireDocument(unique("market-reopens.v2.ninjs.json", id))[0]!;
      const { id: itemId } = await ingestWireItem(v2, "push");
      const kill = JSON.parse(unique("market-reopens.kill.ninjs.json", id)) as Record<string, unknown>;
      if (killVersion) kill.version = killVersion;
      else delete kill.version;
      const answer = await ingestWireItem(parseWireDocument(JSON.stringify(kill))[0]!, "push");
      expect(answer, `kill of version ${killVersion ?? "none"}`).toMatchObject({
        id: itemId,
        outcome: "updated",
        status: "KILLED",
        version: 2,
      });
      const item = await getWireItemOrThrow(writer, itemId);
      expect(item).toMatchObject({ status: "KILLED", version: 2, headline: v2.headline });
      expect(item.statusNote).toContain("Do not use.");
      // What version 2 changed, and then the kill.
      const changes = item.changes as string[];
      expect(changes.at(-1)).toBe("Status: Usable → Killed.");
      expect(changes[0]).toMatch(/^Headline: /);
      expect(item.versions.find((v) => v.version === 2)).toMatchObject({ status: "KILLED" });
      // The same notice again changes nothing more.
      expect((await ingestWireItem(parseWireDocument(JSON.stringify(kill))[0]!, "push")).outcome).toBe("ignored");
    }
  });

  it("taking an item twice is refused with a conflict naming the story, unless confirmed", async () => {
    const { id } = await ingestWireItem(parseWireDocument(unique("market-reopens.ninjs.json", uid()))[0]!, "push");
    const first = await takeWireItem(editor, { id });
    const refused = await expectAppError(takeWireItem(editor, { id }), "conflict");
    expect(refused.details).toEqual({ articleId: first.articleId });
    const second = await takeWireItem(editor, { id, again: true });
    expect(second.articleId).not.toBe(first.articleId);
    await expectAppError(takeWireItem(writer, { id, again: true }), "forbidden");
  });
});

describe("embargo", () => {
  it("the server refuses to publish or schedule a story before its wire item's embargo ends", async () => {
    const { id } = await ingestWireItem(parseWireDocument(unique("regional-budget.embargoed.ninjs.json", uid()))[0]!, "push");
    const { articleId } = await takeWireItem(editor, { id, sectionId: bits.section.id });
    const story = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(await wireFactsForStory(db, articleId)).toMatchObject({ embargoAt: new Date("2030-01-15T06:00:00Z") });
    const now = await expectAppError(transitionArticle(editor, { id: articleId, version: story.version, to: "PUBLISHED" }), "invalid");
    expect(now.message).toContain("the end of Northern Wire's embargo (15 January 2030 at 06:00 GMT)");
    await expectAppError(
      transitionArticle(editor, { id: articleId, version: story.version, to: "SCHEDULED", scheduledFor: new Date("2030-01-15T05:59:00Z") }),
      "invalid",
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("DRAFT");
    // At the embargo's end it may be scheduled, and published once the embargo has passed.
    const scheduled = await transitionArticle(editor, {
      id: articleId,
      version: story.version,
      to: "SCHEDULED",
      scheduledFor: new Date("2030-01-15T06:00:00Z"),
    });
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("SCHEDULED");
    await transitionArticle(editor, { id: articleId, version: scheduled.version, to: "PUBLISHED" }, new Date("2030-01-15T06:00:01Z"));
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("PUBLISHED");
  });

  it("an embargo ending within a minute is met at the next whole minute, which the desk can schedule and the refusal names", async () => {
    const doc = JSON.parse(unique("regional-budget.embargoed.ninjs.json", uid())) as Record<string, unknown>;
    doc.embargoed = "2030-01-15T06:00:30Z";
    const { id } = await ingestWireItem(parseWireDocument(JSON.stringify(doc))[0]!, "push");
    const { articleId } = await takeWireItem(editor, { id, sectionId: bits.section.id });
    const story = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    // 06:00 (the minute a desk can type) is before the end: refused, naming 06:01, not 06:00.
    const early = await expectAppError(
      transitionArticle(editor, { id: articleId, version: story.version, to: "SCHEDULED", scheduledFor: new Date("2030-01-15T06:00:00Z") }),
      "invalid",
    );
    expect(early.message).toContain("the end of Northern Wire's embargo (15 January 2030 at 06:01 GMT)");
    await transitionArticle(editor, {
      id: articleId,
      version: story.version,
      to: "SCHEDULED",
      scheduledFor: new Date("2030-01-15T06:01:00Z"),
    });
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("SCHEDULED");
  });
});

describe("hostile text", () => {
  it("takes a lone surrogate as U+FFFD (the push answered 500)", async () => {
    const doc = { uri: `urn:test:surrogate-${uid()}`, headlines: [{ role: "main", value: "Lone \ud800 headline" }], byline: "By A\udc00" };
    const [parsed] = parseWireDocument(JSON.stringify(doc));
    const { id } = await ingestWireItem(parsed!, "push");
    expect(await db.wireItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ headline: "Lone \uFFFD headline" });
  });

  it("stays text in every field", async () => {
    const evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    const doc = {
      uri: `urn:test:hostile-${uid()}`,
      version: "1",
      pubstatus: "usable",
      infosources: [{ name: `Agency ${evil}` }],
      headlines: [{ role: "main", value: `Headline ${evil}` }],
      bylines: [{ byline: `By ${evil}` }],
      located: `TOWN ${evil}`,
      bodies: [
        {
          role: "main",
          contenttype: "text/html",
          value: `<p>Safe <a href="javascript:alert(3)">click</a> <a href="https://ok.example/">ok</a></p><script>alert(4)</script><iframe src="javascript:alert(5)"></iframe><p onclick="alert(6)">${"&lt;b&gt;"}text</p>`,
        },
      ],
      associations: [
        {
          type: "picture",
          descriptions: [{ role: "caption", value: evil }],
          bylines: [{ byline: evil }],
          renditions: [{ href: "javascript:alert(7)" }],
        },
      ],
    };
    const [parsed] = parseWireDocument(JSON.stringify(doc));
    const { id } = await ingestWireItem(parsed!, "push");
    const item = await db.wireItem.findUniqueOrThrow({ where: { id }, include: { photos: true } });
    expect(item.headline).toBe(`Headline ${evil}`);
    expect(item.agency).toBe(`Agency ${evil}`);
    expect(item.byline).toBe(`By ${evil}`);
    expect(item.dateline).toBe(`TOWN ${evil}`);
    expect(item.photos[0]!.caption).toBe(evil);
    const body = bodySchema.parse(item.body);
    const json = JSON.stringify(body);
    expect(json).not.toContain("javascript:");
    expect(json).not.toContain("alert(4)");
    expect(json).toContain("https://ok.example/");
    expect(bodyToText(body)).toContain("<b>text");
    // Taken, the photo with a javascript: address is left out with a note; the story keeps the text as text.
    const taken = await takeWireItem(editor, { id });
    expect(taken.notes).toEqual([
      "Photo 1 was left out: it came without its file and has no web address.",
      `Agency ${evil} gave no web address for this item, so the story lists no source for it: add one if there is one.`,
    ]);
    const story = await db.article.findUniqueOrThrow({
      where: { id: taken.articleId },
      include: { authors: { include: { author: true } } },
    });
    expect(story.headline).toBe(`Headline ${evil}`);
    expect(story.authors.map((a) => a.author.name)).toContain("<script>alert(1)</script><img src=x onerror=alert(2)>");
  });
});

describe("the push endpoint", () => {
  const push = (token: string | null, body: string, type = "application/json") =>
    pushRoute(
      new Request("http://localhost/api/v1/wire/items", {
        method: "POST",
        headers: { "content-type": type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      }),
      { params: Promise.resolve({}) },
    );

  it("lets the server's other requests in between a document's items (a push of many items held every request of its process until it was done)", async () => {
    const id = uid();
    const key = await createApiKey(admin, { name: `Turns ${id}`, scope: "WIRE", userId: writer.id });
    const items = Array.from(
      { length: 30 },
      (_, n) =>
        `<item><title>Harbour item ${n + 1}</title><guid isPermaLink="false">turns-${id}-${n}</guid><pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><description>Copy ${n + 1}.</description></item>`,
    );
    const turns = countTurns();
    let turnsTaken = 0;
    const answer = await push(
      key.token,
      `<rss version="2.0"><channel><title>Coast Wire</title>${items.join("")}</channel></rss>`,
      "application/rss+xml",
    ).finally(() => (turnsTaken = turns()));
    expect(answer.status).toBe(201);
    expect(turnsTaken).toBeGreaterThanOrEqual(30);
  });

  it("never lets one sender's document update or kill another's item, even by a URI GUID (a probe's key replaced and killed another agency's copy)", async () => {
    const id = uid();
    const uri = `urn:newsml:reuters.example:20261206:${id}`;
    const ninjs = (headline: string, version: number, extra: object = {}) =>
      JSON.stringify({
        uri,
        version,
        headlines: [{ role: "main", value: headline }],
        body_text: `${headline}.`,
        infosources: [{ name: "Reuters" }],
        ...extra,
      });
    const keyA = await createApiKey(admin, { name: `Reuters ${id}`, scope: "WIRE", userId: writer.id });
    const keyB = await createApiKey(admin, { name: `Other ${id}`, scope: "WIRE", userId: editor.id });
    const first = (await (await push(keyA.token, ninjs("Ferry resumes", 1))).json()) as { items: { id: string }[] };
    const real = first.items[0]!.id;
    expect((await push(keyB.token, ninjs("FERRY SINKS", 9))).status).toBe(201);
    const kill = (version: number) => JSON.stringify({ uri, version, pubstatus: "canceled", infosources: [{ name: "Reuters" }] });
    expect((await push(keyB.token, kill(10))).status).toBe(201);
    expect(await db.wireItem.findUniqueOrThrow({ where: { id: real } })).toMatchObject({
      headline: "Ferry resumes",
      version: 1,
      status: "USABLE",
      agency: "Reuters",
    });
    // Its own sender updates it, and kills it with a new key for the same connector account.
    expect((await push(keyA.token, ninjs("Ferry resumes at dawn", 2))).status).toBe(201);
    // The desk names the account whose key pushed it: another's may send the same agency's name.
    expect((await getWireItemOrThrow(editor, real)).pushedBy).toBe(writer.name);
    const keyA2 = await createApiKey(admin, { name: `Reuters ${id} (new)`, scope: "WIRE", userId: writer.id });
    expect((await push(keyA2.token, kill(3))).status).toBe(201);
    expect(await db.wireItem.findUniqueOrThrow({ where: { id: real } })).toMatchObject({
      headline: "Ferry resumes at dawn",
      status: "KILLED",
    });
  });

  it("takes documents only from a WIRE key; READ and READ_WRITE keys and no key are refused and change nothing", async () => {
    const id = uid();
    const doc = unique("market-reopens.ninjs.json", id);
    const guid = `https://wire.northernwire.example/items/2026/11/30/market-reopens-${id}`;
    const read = await createApiKey(admin, { name: "r", userId: editor.id, scope: "READ" });
    const readWrite = await createApiKey(admin, { name: "rw", userId: editor.id, scope: "READ_WRITE" });
    const wire = await createApiKey(admin, { name: "wire", userId: writer.id, scope: "WIRE" });

    expect((await push(null, doc)).status).toBe(401);
    expect((await push(read.token, doc)).status).toBe(403);
    const refused = await push(readWrite.token, doc);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toContain("Only an API key of the WIRE scope");
    expect(await db.wireItem.count({ where: { guid: { endsWith: ` ${guid}` } } })).toBe(0);

    const created = await push(wire.token, doc);
    expect(created.status).toBe(201);
    const answer = (await created.json()) as { items: { id: string }[] };
    expect(answer).toEqual({ items: [expect.objectContaining({ guid, version: 1, outcome: "created", status: "USABLE" })] });
    const again = await push(wire.token, doc);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { items: { outcome: string }[] }).items[0]!.outcome).toBe("ignored");
    const g2 = await push(wire.token, unique("market-reopens.newsml.xml", id), "application/xml");
    expect(g2.status).toBe(201);

    const bad = await push(wire.token, "<html></html>", "application/xml");
    expect(bad.status).toBe(422);
    expect((await push(wire.token, doc, "text/plain")).status).toBe(422);
    const audit = await db.auditEvent.findFirst({ where: { action: "wire.receive", entityId: answer.items[0]!.id } });
    expect(audit?.actorId).toBe(writer.id);
  });
});

describe("the desk's list", () => {
  it("is newest first, searchable by text and filterable by agency; writers may read it", async () => {
    const id = uid();
    const [item] = parseWireDocument(unique("market-reopens.ninjs.json", id));
    await ingestWireItem({ ...item!, agency: `Agency ${id}`, headline: `Tkachenko ${id} headline` }, "push");
    const list = await listWireItems(writer, { q: `tkachenko ${id}`, agency: "", page: 1 });
    expect(list.items.map((i) => i.headline)).toEqual([`Tkachenko ${id} headline`]);
    expect((await listWireItems(writer, { q: "", agency: `Agency ${id}`, page: 1 })).total).toBe(1);
    expect(list.agencies).toContain(`Agency ${id}`);
  });

  it("finds the copy's curly quotes by straight ones typed, and a % only as itself", async () => {
    const id = uid();
    const [item] = parseWireDocument(unique("market-reopens.ninjs.json", id));
    await ingestWireItem({ ...item!, agency: `Agency ${id}`, headline: `Market ${id} headline` }, "push");
    const found = async (q: string) => (await listWireItems(writer, { q, agency: `Agency ${id}`, page: 1 })).total;
    expect(await found(`"We are still here," said`)).toBe(1);
    expect(await found("Dovzhenko's covered market")).toBe(1);
    expect(await found("market %")).toBe(0);
    expect(await found("market_")).toBe(0);
  });
});

describe("polled feeds", () => {
  let server: http.Server;
  const hits: { etag?: string; since?: string }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push({ etag: req.headers["if-none-match"], since: req.headers["if-modified-since"] });
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"', "last-modified": "Tue, 01 Dec 2026 08:30:00 GMT" });
      res.end(
        fixture("agency-feed.rss.xml").replaceAll("cpa-20261201-ferries", `cpa-ferries-${id}`).replaceAll("bus-routes", `bus-routes-${id}`),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const id = uid();

  it("are fetched through the outbound guard when due, politely (ETag, If-Modified-Since), and refused on private addresses unless allowed", async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed-${id}.xml`;
    await expectAppError(addWireFeed(editor, { name: "CPA", url, agency: "CPA", intervalMin: 5 }), "forbidden");
    // Not on the allow list (another test file may have left it there: one database for all): the
    // address is refused where the admin typed it, with the way to allow it.
    await db.outboundAllowedHost.deleteMany({ where: { host: "127.0.0.1:*" } });
    const refused = await expectAppError(addWireFeed(admin, { name: "CPA", url, agency: "Coastal Press", intervalMin: 5 }), "invalid");
    expect(refused.fieldErrors?.url?.[0]).toMatch(/^127\.0\.0\.1 is a private.*“Hosts on private networks”/);
    expect(await db.wireFeed.count({ where: { url } })).toBe(0);
    await db.outboundAllowedHost.create({ data: { host: "127.0.0.1:*" } });
    const feed = await addWireFeed(admin, { name: "CPA", url, agency: "Coastal Press", intervalMin: 5 });
    // The host is taken off the list again: the poll is refused by the same guard.
    await db.outboundAllowedHost.deleteMany({ where: { host: "127.0.0.1:*" } });
    await pollDueFeeds();
    // 127.0.0.1 is a private address: refused, nothing fetched, the reason kept for the admin.
    expect(hits).toEqual([]);
    expect((await db.wireFeed.findUniqueOrThrow({ where: { id: feed.id } })).lastError).toContain(
      "127.0.0.1 is a private, loopback, link-local or reserved address",
    );

    await db.outboundAllowedHost.upsert({ where: { host: "127.0.0.1:*" }, create: { host: "127.0.0.1:*" }, update: {} });
    try {
      await db.wireFeed.update({ where: { id: feed.id }, data: { nextFetchAt: new Date(0) } });
      await pollDueFeeds();
      expect(
        await db.wireItem.count({ where: { guid: { endsWith: ` cpa-ferries-${id}` }, agency: "Coastal Press", via: `feed:${feed.id}` } }),
      ).toBe(1);
      // Not due again for five minutes.
      await pollDueFeeds();
      expect(hits).toHaveLength(1);
      await pollDueFeeds(new Date(Date.now() + 5 * 60_000 + 1000));
      expect(hits[1]).toEqual({ etag: '"v1"', since: "Tue, 01 Dec 2026 08:30:00 GMT" });
      expect((await db.wireFeed.findUniqueOrThrow({ where: { id: feed.id } })).lastStatus).toBe("Not changed (304)");
    } finally {
      await db.outboundAllowedHost.deleteMany({ where: { host: "127.0.0.1:*" } });
    }
  });
});

describe("the watched folder", () => {
  it("moves a file it cannot read to failed/ with the reason beside it", async () => {
    const dir = folderWith({ "broken.xml": "<rss><channel>", "note.txt": "not a wire file" });
    const scan = await scanWireFolder(dir);
    expect(scan.failed).toEqual([{ file: "broken.xml", error: expect.stringContaining("not well-formed") }]);
    const day = new Date().toISOString().slice(0, 10);
    expect(fs.readdirSync(path.join(dir, "failed", day)).sort()).toEqual(["broken.xml", "broken.xml.error.txt"]);
    // Files it does not read, and a photo no document named, stay where they are.
    expect(fs.readdirSync(dir).sort()).toEqual(["failed", "market-reopens.jpg", "note.txt"]);
  });

  it("reads no photo through a link, hard or symbolic, that leads out of the folder (a probe read /etc/passwd as a photo)", async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "wire-outside-"));
    fs.writeFileSync(path.join(outside, "secret.txt"), "root:x:0:0:root:/root:/bin/bash\n");
    const id = uid();
    const dir = folderWith({ "a.ninjs.json": unique("market-reopens.ninjs.json", id).replace('"market-reopens.jpg"', '"secret.jpg"') });
    fs.symlinkSync(path.join(outside, "secret.txt"), path.join(dir, "secret.jpg"));
    // A linked folder on the way out is refused the same way.
    fs.symlinkSync(outside, path.join(dir, "linked"));
    const second = unique("market-reopens.ninjs.json", `${id}b`).replace('"market-reopens.jpg"', '"linked/secret.txt"');
    fs.writeFileSync(path.join(dir, "b.ninjs.json"), second);
    // A hard link is one more name for the file outside.
    fs.linkSync(path.join(outside, "secret.txt"), path.join(dir, "hard.jpg"));
    const third = unique("market-reopens.ninjs.json", `${id}c`).replace('"market-reopens.jpg"', '"hard.jpg"');
    fs.writeFileSync(path.join(dir, "c.ninjs.json"), third);
    for (const name of ["b.ninjs.json", "c.ninjs.json"])
      fs.utimesSync(path.join(dir, name), new Date(Date.now() - 10_000), new Date(Date.now() - 10_000));
    const scan = await scanWireFolder(dir);
    expect(scan.failed).toEqual([]);
    expect(scan.items).toHaveLength(3);
    for (const outcome of scan.items) {
      const item = await db.wireItem.findUniqueOrThrow({ where: { id: outcome.id }, include: { photos: true } });
      expect(item.photos.map((p) => p.data)).toEqual([null]);
    }
    // The linked file stays where it was, untouched.
    expect(fs.readFileSync(path.join(outside, "secret.txt"), "utf8")).toMatch(/^root:/);
  });
});
